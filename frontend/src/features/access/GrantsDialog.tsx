// The grants behind one cell: per verb, the bindings (and roles) that allow it.
import { useTranslation } from 'react-i18next';
import type { AccessRow } from '../../api/types';
import { Modal } from '../common/Modal';
import { grantsByVerb, namedVerbs, type ShownColumn } from './matrix';
import { grantText } from './text';

export function GrantsDialog({ row, column, onClose }: { row: AccessRow; column: ShownColumn; onClose: () => void }) {
  const { t } = useTranslation();
  const cell = row.cells[column.index] ?? null;
  const byVerb = grantsByVerb(row, cell);
  const named = namedVerbs(cell, column.column);
  return (
    <Modal title={t('access.grants.title', { subject: row.subject.name, resource: column.label })} onClose={onClose}>
      <div className="modal-body access-grants">
        <dl>
          {byVerb.map(({ verb, grants }) => (
            <div key={verb}>
              <dt>{verb}</dt>
              <dd>
                <ul>
                  {grants.map((g, i) => (
                    <li key={i}>{grantText(g)}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
          {named.map(({ verb, names }) => (
            <div key={`named-${verb}`}>
              <dt>{verb}</dt>
              <dd>{t('access.grants.namedOnly', { names: names.join(', ') })}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Modal>
  );
}
