import { describe, expect, it } from 'vitest';
import type { TableId } from '../../../shared/model/rows';
import { translate } from '../i18n/i18n';
import { headerWidth, layoutInputs, MIN_RESIZED_WIDTH, type Column, type ColumnChoices } from './column';
import { DEFAULT_FLOOR, layoutColumns, SHORT_WANTED, type LayoutColumn } from './column-layout';
import { TABLES, type AnyRow } from './registry';

const columnsOf = (table: TableId) => TABLES[table].columns as readonly Column<AnyRow>[];

const col = (id: string, min: number, extra: Partial<LayoutColumn> = {}): LayoutColumn => ({ id, min, wanted: min, grow: 0, essential: false, priority: 1, ...extra });
const ids = (layout: ReturnType<typeof layoutColumns>) => layout.columns.map((c) => c.id);
const sum = (layout: ReturnType<typeof layoutColumns>) => layout.columns.reduce((a, c) => a + c.width, 0);

describe('layoutColumns', () => {
  const columns = [
    col('name', 150, { essential: true, grow: 2, floor: 96 }),
    col('namespace', 100, { priority: 1 }),
    col('phase', 80, { essential: true, floor: 64 }),
    col('size', 110, { priority: 2 }),
    col('access', 64, { priority: 7 }),
    col('age', 56, { priority: 5 }),
    col('badge', 96, { essential: true, floor: 56 }),
  ];

  it('shows every column when the minimums fit, and fills the width exactly', () => {
    const layout = layoutColumns(columns, 1000);
    expect(ids(layout)).toEqual(columns.map((c) => c.id));
    expect(layout.hiddenForRoom).toEqual([]);
    expect(sum(layout)).toBe(1000);
    expect(layout.width).toBe(1000);
    // The spare width goes to the growing column.
    expect(layout.columns[0]?.width).toBe(150 + 1000 - 656);
  });

  it('hides the lowest priority first, never an essential column', () => {
    // 656 px of minimums; 600 px: access (priority 7) goes.
    expect(layoutColumns(columns, 600).hiddenForRoom).toEqual(['access']);
    // 500: then age (5), then size (2).
    expect(layoutColumns(columns, 500).hiddenForRoom).toEqual(['access', 'age', 'size']);
    const narrow = layoutColumns(columns, 330);
    expect(ids(narrow)).toEqual(['name', 'phase', 'badge']);
    expect(sum(narrow)).toBe(330);
  });

  it('shrinks the essential columns towards their floors rather than let them leave the grid', () => {
    const tight = layoutColumns(columns, 280);
    expect(ids(tight)).toEqual(['name', 'phase', 'badge']);
    expect(sum(tight)).toBe(280);
    for (const c of tight.columns) expect(c.width).toBeGreaterThanOrEqual(columns.find((x) => x.id === c.id)!.floor!);
    // Below the floors the grid scrolls sideways, at the floors.
    expect(layoutColumns(columns, 150).columns.map((c) => c.width)).toEqual([96, 64, 56]);
  });

  it('gives spare width first to essential columns whose text is cut, then to the others, up to what they want', () => {
    // The name reads cut (`readsCut`): nothing gives way for it (rule 5), the spare width is shared.
    const cut = [col('name', 100, { wanted: 300, readsCut: true, essential: true, grow: 1 }), col('class', 80, { wanted: 160, priority: 1 }), col('badge', 90, { essential: true })];
    // 130 spare: all of it to the cut name first.
    expect(layoutColumns(cut, 400).columns.map((c) => c.width)).toEqual([230, 80, 90]);
    // 250 spare: the name gets its 200, the class the other 50.
    expect(layoutColumns(cut, 520).columns.map((c) => c.width)).toEqual([300, 130, 90]);
    // Two cut columns of one pass share evenly.
    const two = [col('a', 100, { wanted: 200, priority: 1 }), col('b', 100, { wanted: 160, priority: 1 })];
    expect(layoutColumns(two, 280).columns.map((c) => c.width)).toEqual([140, 140]);
    // With more room than everyone wants, the growing column takes the rest.
    expect(layoutColumns(cut, 600).columns.map((c) => c.width)).toEqual([350, 160, 90]);
  });

  it('makes short columns whole before a long name grows (a cut "вст…" or "3 с наз…" says nothing)', () => {
    const columns = [col('name', 100, { wanted: 300, readsCut: true, essential: true, grow: 2 }), col('type', 60, { wanted: 90, priority: 3 }), col('lastSeen', 80, { wanted: 110, priority: 1 })];
    // 60 spare: type and lastSeen get their 30 each; the name stays at its minimum.
    expect(layoutColumns(columns, 300).columns.map((c) => c.width)).toEqual([100, 90, 110]);
    // Before this pass the essential name took all of it: [160, 60, 80].
    expect(layoutColumns(columns, 300).columns.find((c) => c.id === 'name')?.width).toBe(100);
    // A column wanting more than SHORT_WANTED is not short: the essential name comes first.
    const long = [col('name', 100, { wanted: 300, readsCut: true, essential: true }), col('message', 60, { wanted: SHORT_WANTED + 1, priority: 1 })];
    expect(layoutColumns(long, 200).columns.map((c) => c.width)).toEqual([140, 60]);
  });

  it('keeps a width the user dragged, and hides other columns to make room for it', () => {
    const resized = columns.map((c) => (c.id === 'namespace' ? { ...c, fixed: 300 } : c));
    const layout = layoutColumns(resized, 800);
    expect(layout.columns.find((c) => c.id === 'namespace')?.width).toBe(300);
    expect(layout.hiddenForRoom).toEqual(['access']);
    expect(sum(layout)).toBe(800);
  });

  it('without a measured width, lays out at the minimums', () => {
    expect(layoutColumns(columns, 0).columns.map((c) => c.width)).toEqual(columns.map((c) => c.min));
  });

  it('uses a default floor for essential columns that name none', () => {
    expect(layoutColumns([col('a', 200, { essential: true })], 10).columns[0]?.width).toBe(DEFAULT_FLOOR);
  });
});

describe('the real tables', () => {
  const en = (key: Parameters<typeof translate>[1]) => translate('en', key);
  const ru = (key: Parameters<typeof translate>[1]) => translate('ru', key);
  const none: ColumnChoices = { hidden: [], widths: {} };
  const visible = (table: TableId, width: number, label = en, choices = none) =>
    ids(layoutColumns(layoutInputs(columnsOf(table), choices, (c) => label(c.label)), width));

  it.each([
    // Grid widths at 1440 and 1280 with the cluster list and view navigation, with a 440 px details panel, and a half-window pane.
    ['1440', 1087],
    ['1280', 927],
    ['1440 with details', 647],
    ['1280 with details', 487],
    ['1280 side by side', 392],
  ])('keep name, status and findings in every table at %s', (_what, width) => {
    for (const table of Object.keys(TABLES) as TableId[]) {
      for (const label of [en, ru]) {
        const layout = layoutColumns(layoutInputs(columnsOf(table), none, (c) => label(c.label)), width);
        const shown = ids(layout);
        for (const c of TABLES[table].columns.filter((x) => x.essential)) expect(shown, `${table} at ${width}`).toContain(c.id);
        expect(sum(layout), `${table} at ${width} fills the grid`).toBe(width);
      }
    }
  });

  it("every table's Findings is the same whole chip, measured by its badge (a snapshot's error text cut Namespace at 1280 ru)", () => {
    const withFindings = (Object.keys(TABLES) as TableId[]).filter((table) => columnsOf(table).some((c) => c.label === 'col.findings'));
    expect(withFindings).toEqual(expect.arrayContaining(['claims', 'volumes', 'classes', 'pods', 'provisioners', 'snapshots']));
    const ctx = { t: (key: string) => key, lang: 'en', now: 0 } as unknown as Parameters<Column<AnyRow>['value']>[1];
    const row = { badge: { severity: 'problem', count: 1, code: 'snapshot.failed' }, error: 'Failed to check and update snapshot content: a long driver error' } as unknown as AnyRow;
    for (const table of withFindings) {
      const findings = columnsOf(table).find((c) => c.label === 'col.findings')!;
      expect(findings, table).toMatchObject({ id: 'badge', essential: true, keepWhole: true, chip: true });
      expect(findings.value(row, ctx), table).toBe('severity.problem');
    }
  });

  it('at 1280 the claims table keeps the columns that matter, with the details panel too', () => {
    // How full each volume is (Use % with its bar) is worth more than the age, and the age more than a volume's
    // generated name (trial 7).
    expect(visible('claims', 927)).toEqual(['name', 'namespace', 'phase', 'class', 'size', 'usePercent', 'age', 'badge']);
    expect(visible('claims', 487)).toEqual(['name', 'namespace', 'phase', 'badge']);
    // At 1440 only the access modes and the pods give way to the usage columns.
    expect(visible('claims', 1087)).toEqual(TABLES.claims.columns.map((c) => c.id).filter((id) => id !== 'accessModes' && id !== 'pods'));
  });

  it('columns the user hid are gone, essential ones cannot be hidden, and resized ones keep their width', () => {
    const choices: ColumnChoices = { hidden: ['namespace', 'name', 'pods'], widths: { volume: 300, class: 1 } };
    const inputs = layoutInputs(TABLES.claims.columns, choices, (c) => en(c.label));
    expect(inputs.map((c) => c.id)).not.toContain('namespace');
    expect(inputs.map((c) => c.id)).toContain('name');
    expect(inputs.find((c) => c.id === 'volume')?.fixed).toBe(300);
    expect(inputs.find((c) => c.id === 'class')?.fixed).toBe(MIN_RESIZED_WIDTH);
  });

  it('with rows loaded, an empty column gives its room up to the names that are cut', () => {
    // Pending claims: no volume, no pods, no usage (a dash in Used and Free, "— not bound" in Use %).
    const pendingClaims = (c: Column<AnyRow>) => (c.id === 'name' ? 260 : c.id === 'volume' || c.id === 'pods' || c.id === 'used' || c.id === 'free' ? 16 : c.width);
    const inputs = layoutInputs(columnsOf('claims'), none, (c) => en(c.label), pendingClaims);
    const volume = inputs.find((c) => c.id === 'volume')!;
    expect(volume.min).toBe(headerWidth(en('col.volume')));
    expect(volume.wanted).toBe(volume.min);
    const layout = layoutColumns(inputs, 927);
    // The least important columns leave for room, then the ones after the class give way to the cut name (rule 5).
    expect(layout.hiddenForRoom.slice(0, 3)).toEqual(['accessModes', 'pods', 'free']);
    for (const kept of ['namespace', 'class', 'size']) expect(layout.columns.map((c) => c.id)).toContain(kept);
    // The name is whole (at the declared minimums it would have 150 px).
    expect(layout.columns.find((c) => c.id === 'name')?.width).toBeGreaterThanOrEqual(260);
    // The empty volume column takes no room: hidden (it comes after the age), or at its header's width.
    expect(layout.columns.find((c) => c.id === 'volume')?.width ?? 0).toBeLessThan(100);
  });

  it('in Russian at 1280 no shown column is narrower than its longest header word, nor a short one than its header and text', () => {
    for (const table of Object.keys(TABLES) as TableId[]) {
      // Rows loaded, each column's text as wide as its declared width (a short value stays short).
      const inputs = layoutInputs(columnsOf(table), none, (c) => ru(c.label), (c) => c.width);
      const layout = layoutColumns(inputs, 927);
      for (const shown of layout.columns) {
        const column = columnsOf(table).find((c) => c.id === shown.id)!;
        const input = inputs.find((c) => c.id === shown.id)!;
        const longestWord = Math.max(...ru(column.label).split(/\s+/).map((w) => headerWidth(w)));
        expect(shown.width, `${table}.${shown.id} header «${ru(column.label)}»`).toBeGreaterThanOrEqual(longestWord);
        if (input.wanted <= SHORT_WANTED) expect(shown.width, `${table}.${shown.id} is short: whole`).toBeGreaterThanOrEqual(input.wanted);
      }
    }
  });

  it('a header wider than its column wants the room to show it whole', () => {
    const inputs = layoutInputs(TABLES.claims.columns, none, (c) => ru(c.label));
    const size = inputs.find((c) => c.id === 'size')!;
    expect(size.wanted).toBe(Math.max(size.min, headerWidth(ru('col.size'))));
  });
});

describe('a column kept whole (the findings chip)', () => {
  it('is never cut below its content: the other columns give way, even in Russian at a narrow width', () => {
    const cols = [
      { id: 'name', width: 150, grow: 2, essential: true, floor: 96 },
      { id: 'provisioner', width: 140, essential: true, floor: 80 },
      { id: 'badge', width: 96, essential: true, floor: 56, keepWhole: true },
    ];
    // «▲ Предупреждение ×2» needs ~150 px; the grid has 300 px for all three.
    const content = (c: { id: string }) => (c.id === 'badge' ? 150 : 300);
    const layout = layoutColumns(layoutInputs(cols, { hidden: [], widths: {} }, () => 'x', content), 300);
    expect(layout.columns.find((c) => c.id === 'badge')?.width).toBeGreaterThanOrEqual(150);
    // Without keepWhole the chip was squeezed like the others.
    const cut = layoutColumns(layoutInputs(cols.map((c) => ({ ...c, keepWhole: false })), { hidden: [], widths: {} }, () => 'x', content), 300);
    expect(cut.columns.find((c) => c.id === 'badge')?.width).toBeLessThan(150);
  });
});


describe('spare width goes to cut content first (trial 3 of issue 8, defect 1)', () => {
  const widthOf = (layout: ReturnType<typeof layoutColumns>, id: string) => layout.columns.find((c) => c.id === id)!.width;

  it('puts a cut name whole before it puts a long header on one line', () => {
    // "По умолчанию" over "да": its header may wrap, so its 132 px on one line wait until the name is whole.
    const columns = [col('name', 130, { essential: true, grow: 2, wanted: 170, fit: 170 }), col('default', 100, { wanted: 132, fit: 100 })];
    const layout = layoutColumns(columns, 270);
    expect(widthOf(layout, 'name')).toBe(170);
    expect(widthOf(layout, 'default')).toBe(100);
  });

  it('gives an event message the most of what is left, and whatever remains past the first ask', () => {
    const columns = [
      col('reason', 140, { essential: true, grow: 1, wanted: 240, fit: 240 }),
      col('message', 200, { essential: true, grow: 4, wanted: 360, fit: 360, full: 1800 }),
      col('object', 170, { essential: true, grow: 2, wanted: 200, fit: 200 }),
    ];
    // Tight: the reason and the object are made whole first (trial 4: a genuinely long value is cut anyway and does
    // not take the room that makes a shorter column whole); the message keeps its minimum.
    const tight = layoutColumns(columns, 610);
    expect(widthOf(tight, 'object')).toBe(200);
    expect(widthOf(tight, 'reason')).toBe(210);
    expect(widthOf(tight, 'message')).toBe(200);
    // A little more: the message gets the most of what is left.
    const more = layoutColumns(columns, 760);
    expect(widthOf(more, 'message') - 200).toBeGreaterThan(widthOf(more, 'reason') - 140);
    // Room for every first ask: the rest goes to the message, still cut, not to columns already whole.
    const wide = layoutColumns(columns, 1000);
    expect(widthOf(wide, 'reason')).toBe(240);
    expect(widthOf(wide, 'object')).toBe(200);
    expect(widthOf(wide, 'message')).toBe(560);
  });

  it('makes a column a few px short of whole whole, taking them from one far from whole', () => {
    const columns = [col('reason', 150, { essential: true, grow: 1, wanted: 166, fit: 166 }), col('message', 150, { essential: true, grow: 4, wanted: 360, fit: 360 })];
    const layout = layoutColumns(columns, 330);
    expect(widthOf(layout, 'reason')).toBe(166);
    expect(sum(layout)).toBe(330);
  });

  it('layoutInputs: a short column needs its content and its header\'s longest word, not the header on one line', () => {
    const [input] = layoutInputs([{ id: 'default', width: 70, priority: 4 }], { hidden: [], widths: {} }, () => 'По умолчанию', () => 30);
    expect(input!.min).toBe(headerWidth('умолчанию'));
    expect(input!.fit).toBe(headerWidth('умолчанию'));
    expect(input!.wanted).toBe(headerWidth('По умолчанию'));
  });
});

describe('a less important column gives way to a cut one (trial 4 of issue 8, defect 1)', () => {
  const classes = [
    col('name', 130, { wanted: 150, essential: true, grow: 2 }),
    col('provisioner', 170, { wanted: 300, essential: true, grow: 2 }),
    col('bindingMode', 110, { wanted: 150, priority: 3 }),
    col('reclaim', 72, { priority: 5 }),
    col('default', 96, { priority: 4 }),
    col('claims', 70, { priority: 1 }),
    col('badge', 130, { essential: true }),
  ];

  it('hides the least important columns until the cut one is whole, and tells which', () => {
    const layout = layoutColumns(classes, 930);
    // Before rule 5: every column shown, the provisioner cut at 190 px while Reclaim and Default kept their header;
    // hiding Reclaim is enough, Default stays.
    expect(layout.hiddenForRoom).toEqual(['reclaim']);
    const width = (id: string) => layout.columns.find((c) => c.id === id)!.width;
    expect(width('provisioner')).toBeGreaterThanOrEqual(300);
    expect(width('bindingMode')).toBeGreaterThanOrEqual(150);
    expect(sum(layout)).toBe(930);
  });

  it('hides nothing when hiding cannot make the cut column whole', () => {
    const hopeless = [col('name', 100, { wanted: 900, essential: true }), col('age', 60, { priority: 5 }), col('badge', 90, { essential: true })];
    expect(layoutColumns(hopeless, 400).hiddenForRoom).toEqual([]);
  });

  it("a class's provisioner is an identifier, not a long value: the columns after it give way until it reads whole (trial 5)", () => {
    const en = (key: string) => translate('en', key as never);
    // Content widths as measured on the 3,013-claim snapshot: the provisioner with its verdict chip asks for more
    // than a first share (380 px), every other column fits its header.
    const content: Record<string, number> = { name: 150, provisioner: 380, bindingMode: 150, reclaim: 60, expansion: 40, default: 40, claims: 40, volumes: 40, usage: 120, badge: 90 };
    const inputs = layoutInputs(columnsOf('classes'), { hidden: [], widths: {} }, (c) => en(c.label), (c) => content[c.id] ?? 60);
    expect(inputs.find((c) => c.id === 'provisioner')?.full).toBeUndefined();
    const layout = layoutColumns(inputs, 1000);
    const width = (id: string) => layout.columns.find((c) => c.id === id)?.width ?? 0;
    expect(width('provisioner')).toBeGreaterThanOrEqual(360);
    expect(layout.hiddenForRoom.length).toBeGreaterThan(0);
    // What gave way is less important than what stayed: claims and volumes (1, 2) before expansion (6) or usage (7).
    for (const hidden of layout.hiddenForRoom) for (const kept of ['claims', 'volumes', 'bindingMode']) expect(ids(layout)).toContain(kept), expect(hidden).not.toBe(kept);
  });

  it('never hides for a genuinely long value (an event message keeps its ellipsis and tooltip)', () => {
    const events = [col('message', 200, { wanted: 360, full: 900, essential: true, grow: 4 }), col('count', 56, { priority: 2 }), col('lastSeen', 80, { priority: 1 })];
    expect(layoutColumns(events, 500).hiddenForRoom).toEqual([]);
  });

  it('a name cut in the middle outside the essential columns does not cost a less important column its place', () => {
    const claims = [col('name', 100, { essential: true }), col('volume', 120, { wanted: 320, priority: 4, readsCut: true }), col('age', 60, { priority: 5 })];
    expect(layoutColumns(claims, 440).hiddenForRoom).toEqual([]);
    expect(layoutColumns(claims.map((c) => ({ ...c, readsCut: false })), 440).hiddenForRoom).toEqual(['age']);
  });

  it('a name cut in the middle takes spare width only after the other columns read whole, so none gives way for it', () => {
    // The demo's claims at 1280 in Russian with the cluster list folded (1088 px): the volume (grow 2) took two
    // thirds of the spare, Class stayed cut, and Use % and Age were hidden to make Class whole (usage.lab journey).
    const claims = [
      col('name', 140, { essential: true, grow: 2 }),
      col('namespace', 100, { priority: 1, grow: 1 }),
      col('phase', 78, { essential: true }),
      col('volume', 140, { wanted: 330, priority: 4, readsCut: true, grow: 2 }),
      col('class', 100, { wanted: 200, priority: 3, grow: 1 }),
      col('size', 110, { priority: 2 }),
      col('usePercent', 96, { priority: 4.5 }),
      col('age', 56, { priority: 5 }),
      col('badge', 145, { essential: true }),
    ];
    const layout = layoutColumns(claims, 1088);
    expect(layout.hiddenForRoom).toEqual([]);
    expect(layout.columns.find((c) => c.id === 'class')!.width).toBeGreaterThanOrEqual(200);
    expect(sum(layout)).toBe(1088);
  });

  it('a column of equal importance does not give way, nor one the user resized', () => {
    const peers = [col('a', 100, { wanted: 200, priority: 2 }), col('b', 100, { priority: 2 }), col('c', 100, { priority: 6, fixed: 100 })];
    expect(layoutColumns(peers, 300).hiddenForRoom).toEqual([]);
  });
});
