/**
 * A panel beside the content (details, lesson): resizable from its left edge by mouse or keyboard, its width
 * remembered per panel, docked while the content keeps `minContent` px beside it (narrower than the user's width,
 * down to the panel's minimum, when that makes it fit) and overlaying the content otherwise (see
 * state/frame-layout.ts, fitPanel). The parent element is the container it measures and overlays.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { clampPanelWidth, fitPanel, type PanelLimits } from '../state/frame-layout';
import { isNumber, usePersisted } from '../state/persisted';
import { useElementWidth } from '../state/use-width';

const KEY_STEP = 24;

export interface SidePanelProps {
  /** Remembers the width under kse.panel.<id>. */
  id: 'details' | 'lesson';
  limits: PanelLimits;
  /** Least content width beside the docked panel, given the container's width. */
  minContent: (containerWidth: number) => number;
  /** False: never laid over the content; docked at the panel's minimum where it has no room (frame-layout fitPanel). */
  mayOverlay?: boolean;
  className: string;
  label: string;
  testId: string;
  children: ReactNode;
  /** Extra attributes of the aside, e.g. data-lang. */
  attributes?: Record<`data-${string}`, string>;
}

export function SidePanel({ id, limits, minContent, mayOverlay = true, className, label, testId, children, attributes }: SidePanelProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const container = useElementWidth(ref, 'parent');
  const [saved, setSaved] = usePersisted(`kse.panel.${id}`, limits.default, isNumber);
  const [dragging, setDragging] = useState<number>();
  const chosen = clampPanelWidth(dragging ?? saved, limits, container || limits.max + 400);
  const { mode, width } = fitPanel(container, chosen, limits, minContent(container), mayOverlay);
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    // From the width the user chose, not the narrower one drawn where room is short: a click on the handle must
    // not save the narrowed width over theirs (review of T8-4).
    drag.current = { x: e.clientX, width: chosen };
    setDragging(chosen);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    // The handle is on the left edge: moving left widens the panel.
    if (drag.current) setDragging(drag.current.width + drag.current.x - e.clientX);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = undefined;
    if (dragging !== undefined) setSaved(clampPanelWidth(dragging, limits, container || limits.max + 400));
    setDragging(undefined);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      // Steps from the drawn width: narrowing is seen at once; widening past the room keeps the user's width.
      ArrowLeft: Math.max(chosen, width + KEY_STEP),
      ArrowRight: width - KEY_STEP,
      Home: limits.max,
      End: limits.min,
      Enter: limits.default,
    };
    const value = next[e.key];
    if (value === undefined) return;
    e.preventDefault();
    setSaved(clampPanelWidth(value, limits, container || limits.max + 400));
  };

  return (
    <aside
      ref={ref}
      className={`side-panel ${className} panel-${mode}`}
      style={{ width, flexBasis: width }}
      aria-label={label}
      data-testid={testId}
      data-mode={mode}
      {...attributes}
    >
      <div
        className={dragging === undefined ? 'panel-resizer' : 'panel-resizer dragging'}
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panel.resize', { panel: label })}
        aria-valuemin={limits.min}
        aria-valuemax={limits.max}
        aria-valuenow={width}
        tabIndex={0}
        title={t('panel.resizeHint')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={() => setSaved(limits.default)}
        onKeyDown={onKeyDown}
        data-testid={`${testId}-resizer`}
      />
      {children}
    </aside>
  );
}
