// The matrix: a subject per row (kind, name, dangers), a resource per column,
// each non-empty cell a button with the verbs it allows. Arrow keys move
// between the buttons. Rows are virtualized: a large cluster has thousands
// of subjects.
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessDangerKind, AccessGrant, AccessRow, Subject } from '../../api/types';
import { DangerBadge } from './DangerLegend';
import { isEmptyCell, rowDangers, subjectKey, verbLetters, type MatrixView, type ShownColumn } from './matrix';
import { cellName, grantText, kindBadge, subjectName } from './text';

export interface MatrixTableProps {
  name: string;
  view: MatrixView;
  onCell: (row: AccessRow, column: ShownColumn) => void;
  onSubject: (s: Subject) => void;
}

const STEP: Readonly<Record<string, [number, number]>> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Moves focus to the next button in the arrow's direction (skipping empty cells). */
function moveFocus(e: KeyboardEvent<HTMLButtonElement>): void {
  const step = STEP[e.key];
  const from = e.currentTarget.closest('td, th');
  const tr = from?.parentElement;
  const table = e.currentTarget.closest('table');
  if (!step || !(from instanceof HTMLTableCellElement) || !(tr instanceof HTMLTableRowElement) || !table) return;
  const rows = [...(table.tBodies[0]?.rows ?? [])];
  let r = rows.indexOf(tr);
  let c = from.cellIndex;
  if (r === -1) return;
  for (;;) {
    r += step[0];
    c += step[1];
    const cell = rows[r]?.cells[c];
    if (!cell) return;
    const target = cell.querySelector('button');
    if (target) {
      e.preventDefault();
      target.focus();
      return;
    }
  }
}

/** A matrix row's height in pixels (access.css keeps the cells to it). */
const ROW_HEIGHT = 30;

export function MatrixTable({ name, view, onCell, onSubject }: MatrixTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The header (rotated resource names) is not counted: the overscan covers it.
    overscan: 20,
    useFlushSync: false,
    getItemKey: (i) => {
      const row = view.rows[i];
      return row ? subjectKey(row.subject) : i;
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <div className="table-scroll access-scroll" ref={scrollRef}>
      <table className="rtable access-table" aria-label={name}>
        <thead>
          <tr>
            <th scope="col">{t('access.matrix.subject')}</th>
            {view.columns.map((c) => (
              <th key={c.index} scope="col" title={`${c.label}\n${t('access.matrix.columnHelp', { group: c.column.group || t('access.coreGroup'), verbs: c.column.verbs.join(', ') })}`}>
                <span className="access-col">{c.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const row = view.rows[item.index];
            return row && <MatrixRow key={item.key} row={row} columns={view.columns} onCell={onCell} onSubject={onSubject} />;
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}

/** The grants a row's danger of kind k comes from, as "binding → role" lines. */
function dangerGrants(row: AccessRow, k: AccessDangerKind): string[] {
  return row.dangers
    .filter((d) => d.kind === k)
    .map((d) => row.grants[d.grant])
    .filter((g): g is AccessGrant => g !== undefined)
    .map(grantText);
}

function MatrixRow({ row, columns, onCell, onSubject }: { row: AccessRow; columns: ShownColumn[] } & Pick<MatrixTableProps, 'onCell' | 'onSubject'>) {
  const { t } = useTranslation();
  const dangers = rowDangers(row);
  const s = row.subject;
  return (
    <tr className={dangers.length > 0 ? 'dangerous' : undefined}>
      <th scope="row">
        <span className="access-subject">
          <span className={`kind-badge kind-${s.kind}`} title={s.kind} aria-hidden="true">
            {kindBadge(s.kind)}
          </span>
          <span className="sr-only">{s.kind} </span>
          <button type="button" className="link-button" onClick={() => onSubject(s)} onKeyDown={moveFocus} title={t('access.matrix.subjectHelp', { kind: s.kind, name: s.name })}>
            {s.name}
          </button>
          {s.namespace && <span className="muted"> {s.namespace}</span>}
          {dangers.map((k) => (
            <DangerBadge key={k} kind={k} from={dangerGrants(row, k)} />
          ))}
        </span>
      </th>
      {columns.map((c) => {
        const cell = row.cells[c.index] ?? null;
        if (isEmptyCell(cell, c.column)) return <td key={c.index} />;
        return (
          <td key={c.index}>
            <button type="button" className="verb-cell" onKeyDown={moveFocus} aria-label={cellName(subjectName(s), c.label, cell, c.column)} onClick={() => onCell(row, c)}>
              {verbLetters(cell, c.column).map((l) => (
                <span key={`${l.letter}${l.named ? 'n' : ''}`} className={l.named ? 'named' : undefined}>
                  {l.letter}
                </span>
              ))}
            </button>
          </td>
        );
      })}
    </tr>
  );
}
