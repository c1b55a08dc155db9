/**
 * Which columns a table shows and how wide each is, for the width its grid really has (measured, not the
 * window's). Pure, so the rules are unit-tested:
 *
 * 1. Columns the user hid are gone. Essential columns (name, status, findings) cannot be hidden.
 * 2. While the minimums do not fit, the visible column of lowest priority (highest number) is hidden.
 * 3. If the essential columns alone do not fit, they shrink towards their floors (their text is cut with an
 *    ellipsis and shown whole on hover); only below the floors does the grid scroll sideways.
 * 4. Spare width goes only where content is cut, while any is: first to short columns (a cut "вст…", "Ко…" or
 *    "3 с наз…" says nothing, while a long name cut in the middle still reads), then to essential columns, then
 *    to the others, then to names that read cut in the middle (`readsCut`), each up to its content with its
 *    header wrapped (`fit`); a genuinely long value (`full`) waits; then headers are put on one line
 *    (`wanted`); then the columns whose content is wider than a first ask (an event's message) get the rest up to
 *    their whole content (`full`); only then do the growing columns share what is left. Within a pass the cut
 *    columns get parts in proportion to their grow share (an event's message before its reason). A column the
 *    user resized keeps its width.
 * 5. A column cut while a less important one is shown: the less important one is hidden for room (the user can
 *    show it again from the Columns menu), unless its content is genuinely long (`full`: cut with the whole value
 *    on hover) or it is a name cut in the middle outside the essential columns (`readsCut`).
 *
 * Every width is a whole pixel and they add up to the available width exactly (when it holds the minimums),
 * so the header row and every body row share one template and line up.
 */

export interface LayoutColumn {
  id: string;
  /** Narrowest useful width, px. */
  min: number;
  /** Width that shows the content and the header uncut, px (at least min). */
  wanted: number;
  /** Width that shows the content uncut with the header wrapped at its spaces, px (min..wanted); absent: wanted. */
  fit?: number;
  /** Width of the whole content when it is more than `wanted` (a long message first asks for less), px. */
  full?: number;
  /** Share of the width left after every column has what it wants; 0: none. */
  grow: number;
  /** Never hidden for room (name, status, findings). */
  essential: boolean;
  /** Lower is more important; the highest number is hidden first. Ignored for essential columns. */
  priority: number;
  /** Width the user dragged it to, px: kept as is (within the floor when room is short). */
  fixed?: number;
  /** Narrowest an essential column may shrink to when even the essential columns do not fit, px. */
  floor?: number;
  /**
   * Cut in the middle, it still reads ("pvc-c62f…6d26f20"): such a column that is not essential does not make less
   * important ones give way (rule 5), so a volume's long name never costs the claim's age.
   */
  readsCut?: boolean;
}

export interface ColumnLayout {
  /** Visible columns in their order, with whole-pixel widths. */
  columns: { id: string; width: number }[];
  /** Columns hidden because the grid is too narrow for them (not the ones the user hid). */
  hiddenForRoom: string[];
  /** Sum of the widths, px. */
  width: number;
}

/** Floor of an essential column that names none: wide enough for an icon and a few characters. */
export const DEFAULT_FLOOR = 56;

const minOf = (c: LayoutColumn) => c.fixed ?? c.min;

/**
 * Lays the columns out in `available` px.
 * @param columns in display order, already without the ones the user hid.
 * @param available the grid's inner width (without its vertical scrollbar), px; 0 or less lays out at minimums.
 */
export function layoutColumns(columns: readonly LayoutColumn[], available: number): ColumnLayout {
  const visible = [...columns];
  const hiddenForRoom: string[] = [];
  const sum = () => visible.reduce((total, c) => total + minOf(c), 0);
  const room = Math.max(0, Math.floor(available));
  if (room > 0) {
    while (sum() > room) {
      let victim = -1;
      visible.forEach((c, i) => {
        if (c.essential) return;
        // Ties: the rightmost goes first.
        if (victim < 0 || c.priority >= (visible[victim]?.priority ?? -Infinity)) victim = i;
      });
      if (victim < 0) break;
      hiddenForRoom.push(visible[victim]!.id);
      visible.splice(victim, 1);
    }
  }

  let widths = place(visible, room);
  // Rule 5: a less important column gives way to a more important one that is cut (trial 4 of issue 8, defect 1:
  // the provisioner "storage.e…" cut beside "Delete" and an empty Default). Hides are tried from the least
  // important column up and kept only once they made that column whole; a column that cannot be
  // made whole by hiding them keeps its ellipsis and the others stay.
  if (room > 0) {
    // One cut column at a time, the most important first (ties: the leftmost).
    const hopeless = new Set<LayoutColumn>();
    for (;;) {
      const target = cutColumns(visible, widths)
        .filter((c) => !hopeless.has(c))
        .sort((a, b) => importance(a) - importance(b))[0];
      if (!target) break;
      let trial = [...visible];
      let trialWidths = widths;
      const pending: LayoutColumn[] = [];
      for (;;) {
        let victim: LayoutColumn | undefined;
        for (const c of trial) if (!c.essential && c.fixed === undefined && c.priority > importance(target) && (!victim || c.priority >= victim.priority)) victim = c;
        if (!victim) break;
        pending.push(victim);
        trial = trial.filter((c) => c !== victim);
        trialWidths = place(trial, room);
        if (!cutColumns(trial, trialWidths).includes(target)) break;
      }
      if (pending.length > 0 && !cutColumns(trial, trialWidths).includes(target)) {
        visible.splice(0, visible.length, ...trial);
        hiddenForRoom.push(...pending.map((c) => c.id));
        widths = trialWidths;
      } else hopeless.add(target);
    }
  }
  return { columns: visible.map((c, i) => ({ id: c.id, width: widths[i]! })), hiddenForRoom, width: widths.reduce((a, b) => a + b, 0) };
}

/** Widths of `columns` in `room` px: shrunk towards their floors or spread (rules 3 and 4). */
function place(columns: readonly LayoutColumn[], room: number): number[] {
  const widths = columns.map(minOf);
  const total = widths.reduce((a, b) => a + b, 0);
  if (room > 0 && total > room) return shrink(columns, widths, total - room);
  if (room > total) return spread(columns, widths, room - total);
  return widths;
}

/** Essential columns come before any other; then the lower priority number. */
const importance = (c: LayoutColumn) => (c.essential ? -Infinity : c.priority);

/**
 * Columns whose content is cut and could be whole: narrower than what shows it with the header wrapped, and not
 * genuinely long (a value asking for more than a first share, `full`, keeps its ellipsis and its tooltip).
 */
function cutColumns(columns: readonly LayoutColumn[], widths: readonly number[]): LayoutColumn[] {
  return columns.filter((c, i) => c.full === undefined && c.fixed === undefined && !c.readsCut && widths[i]! < Math.min(c.wanted, c.fit ?? c.wanted));
}

/** Takes `deficit` px from the columns in proportion to how far each is above its floor. */
function shrink(columns: readonly LayoutColumn[], widths: number[], deficit: number): number[] {
  const floors = columns.map((c, i) => Math.min(widths[i]!, c.floor ?? DEFAULT_FLOOR));
  const slack = widths.map((w, i) => w - floors[i]!);
  const totalSlack = slack.reduce((a, b) => a + b, 0);
  if (totalSlack <= deficit) return floors;
  const out = widths.map((w, i) => w - Math.floor((slack[i]! * deficit) / totalSlack));
  // Rounding leaves a few px over: take them from the widest columns that still have slack.
  let over = out.reduce((a, b) => a + b, 0) - (widths.reduce((a, b) => a + b, 0) - deficit);
  for (let i = 0; over > 0 && i < out.length * 2; i++) {
    const k = i % out.length;
    if (out[k]! > floors[k]!) {
      out[k]! -= 1;
      over -= 1;
    }
  }
  return out;
}

/**
 * Columns that want at most this much (px) are short: a type, a yes/no, a count, an age, a short header. They are
 * made whole before any long one grows.
 */
export const SHORT_WANTED = 140;

/** Hands out `spare` px: up to what each column's content needs, by passes (see rule 4), then by grow share. */
function spread(columns: readonly LayoutColumn[], widths: number[], spare: number): number[] {
  const out = [...widths];
  const flexible = (i: number) => columns[i]!.fixed === undefined;
  let left = spare;
  const fitOf = (c: LayoutColumn) => Math.min(c.wanted, c.fit ?? c.wanted);
  const passes: { inPass: (c: LayoutColumn) => boolean; target: (c: LayoutColumn) => number }[] = [
    { inPass: (c) => fitOf(c) <= SHORT_WANTED, target: fitOf },
    // A genuinely long value (an error, a message: `full`) waits for the fourth pass: it is cut anyway, and must not
    // take the room that makes a shorter column whole (rule 5).
    { inPass: (c) => c.essential && c.full === undefined, target: fitOf },
    // A name that reads cut in the middle (`readsCut`, a volume's "pvc-c62f…6d26f20") also waits: growing by its
    // grow share beside a cut Class, it took the room rule 5 then freed by hiding Use % and Age.
    { inPass: (c) => c.full === undefined && !c.readsCut, target: fitOf },
    // ...and is made whole next, before any header is put on one line.
    { inPass: (c) => c.full === undefined, target: fitOf },
    { inPass: () => true, target: (c) => c.wanted },
    { inPass: () => true, target: (c) => Math.max(c.wanted, c.full ?? 0) },
  ];
  const weight = (c: LayoutColumn) => Math.max(c.grow, MIN_WEIGHT);
  for (const { inPass, target } of passes) {
    // Water-filling: every cut column of the pass gets a part (by its grow share) until it has what it needs.
    for (;;) {
      const cut = out.map((_w, i) => i).filter((i) => flexible(i) && inPass(columns[i]!) && out[i]! < target(columns[i]!));
      if (cut.length === 0 || left <= 0) break;
      const totalWeight = cut.reduce((sum, i) => sum + weight(columns[i]!), 0);
      const pool = left;
      for (const i of cut) {
        const share = Math.max(1, Math.floor((pool * weight(columns[i]!)) / totalWeight));
        const give = Math.min(share, target(columns[i]!) - out[i]!, left);
        out[i]! += give;
        left -= give;
        if (left <= 0) break;
      }
    }
    // A column left a few px short of whole takes them from the column furthest from whole
    // ("ProvisioningFail…" for 3 px reads worse than a message 3 px shorter).
    for (let i = 0; i < out.length; i++) {
      const short = target(columns[i]!) - out[i]!;
      if (!flexible(i) || !inPass(columns[i]!) || short <= 0 || short > NEARLY_WHOLE) continue;
      let donor = -1;
      out.forEach((w, k) => {
        const deficit = fitOf(columns[k]!) - w;
        if (k !== i && flexible(k) && deficit > NEARLY_WHOLE * 2 && w - short >= minOf(columns[k]!) && (donor < 0 || deficit > fitOf(columns[donor]!) - out[donor]!)) donor = k;
      });
      if (donor < 0) continue;
      out[donor]! -= short;
      out[i]! += short;
    }
  }
  if (left <= 0) return out;
  const growing = out.map((_w, i) => i).filter((i) => flexible(i) && columns[i]!.grow > 0);
  const takers = growing.length > 0 ? growing : out.map((_w, i) => i).filter(flexible);
  if (takers.length === 0) return out;
  const shares = takers.map((i) => (growing.length > 0 ? columns[i]!.grow : 1));
  const totalShare = shares.reduce((a, b) => a + b, 0);
  let given = 0;
  takers.forEach((i, k) => {
    const give = Math.floor((left * shares[k]!) / totalShare);
    out[i]! += give;
    given += give;
  });
  // The rounding remainder goes to the first taker, so the widths add up exactly.
  out[takers[0]!]! += left - given;
  return out;
}

/** A cut column this many px short of its target is made whole before the others share, px. */
const NEARLY_WHOLE = 16;

/** Share in the water-filling of a column declared without grow (a fixed one still gets its few px). */
const MIN_WEIGHT = 0.5;
