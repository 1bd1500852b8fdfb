// The Share form's fields: recipient, namespace, scope, role, duration.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleRef } from '../../api/types';
import { t as translate } from '../../i18n';
import { CustomRules } from './CustomRules';
import { NamespaceSelect } from './NamespaceSelect';
import { BUILTIN_ROLES, DURATIONS, durationParts, type CustomResource, type RoleChoice, type ShareForm } from './shareForm';

export interface ShareFieldsProps {
  form: ShareForm;
  namespaces: readonly string[];
  /** The roles ShareRoles offers (null while loading), and why they could not be read. */
  roles: readonly RoleRef[] | null;
  rolesError: string | null;
  /** Discovered resources the custom grid may add (null while loading). */
  addable: readonly CustomResource[] | null;
  onChange: (patch: Partial<ShareForm>) => void;
}

export const roleRef = (r: RoleRef): string => `${r.kind}/${r.name}`;

export function ShareFields({ form, namespaces, roles, rolesError, addable, onChange }: ShareFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="share-field">
        <label htmlFor={`${id}-recipient`}>{t('access.share.recipient')}</label>
        <input
          id={`${id}-recipient`}
          type="text"
          required
          aria-required="true"
          aria-describedby={`${id}-recipient-help`}
          autoComplete="off"
          value={form.recipient}
          onChange={(e) => onChange({ recipient: e.target.value })}
          data-autofocus
        />
        <span id={`${id}-recipient-help`} className="muted">
          {t('access.share.recipientHelp')}
        </span>
      </div>
      <NamespaceSelect namespace={form.namespace} namespaces={namespaces} clusterWide={false} onChange={(namespace) => onChange({ namespace })} />
      <fieldset className="share-fieldset">
        <legend>{t('access.share.scope')}</legend>
        <Radio name={`${id}-scope`} checked={!form.clusterWide} onChange={() => onChange({ clusterWide: false })}>
          {t('access.share.scopeNamespace')}
        </Radio>
        <Radio name={`${id}-scope`} checked={form.clusterWide} onChange={() => onChange({ clusterWide: true })}>
          {t('access.share.scopeCluster')}
        </Radio>
        {form.clusterWide && (
          <p className="op-message warn" role="note">
            {t('access.share.clusterWarning')}
          </p>
        )}
      </fieldset>
      <RoleFields form={form} roles={roles} rolesError={rolesError} addable={addable} onRole={(role) => onChange({ role })} onCustom={(custom) => onChange({ custom })} onExtra={(extra) => onChange({ extra })} />
      <span className="field-row">
        <label htmlFor={`${id}-duration`}>{t('access.share.duration')}</label>
        <select id={`${id}-duration`} value={form.durationSeconds} onChange={(e) => onChange({ durationSeconds: Number(e.target.value) })}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {durationLabel(d)}
            </option>
          ))}
        </select>
      </span>
    </>
  );
}

function durationLabel(seconds: number): string {
  const { count, unit } = durationParts(seconds);
  if (unit === 'day') return translate('access.share.days', { count });
  return unit === 'hour' ? translate('access.share.hours', { count }) : translate('access.share.minutes', { count });
}

function RoleFields({ form, roles, rolesError, addable, onRole, onCustom, onExtra }: {
  form: ShareForm;
  roles: readonly RoleRef[] | null;
  rolesError: string | null;
  addable: readonly CustomResource[] | null;
  onRole: (r: RoleChoice) => void;
  onCustom: (c: ReadonlySet<string>) => void;
  onExtra: (e: readonly CustomResource[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const r = form.role;
  const existing = (roles ?? []).filter((x) => !(x.kind === 'ClusterRole' && (BUILTIN_ROLES as readonly string[]).includes(x.name)));
  return (
    <fieldset className="share-fieldset">
      <legend>{t('access.share.role')}</legend>
      <div className="radio-row">
        {BUILTIN_ROLES.map((name) => (
          <Radio key={name} name={`${id}-role`} checked={r.type === 'builtin' && r.name === name} onChange={() => onRole({ type: 'builtin', name })}>
            {name}
          </Radio>
        ))}
        <Radio name={`${id}-role`} checked={r.type === 'existing'} onChange={() => onRole({ type: 'existing', ref: existing[0] ? roleRef(existing[0]) : '' })}>
          {t('access.share.existing')}
        </Radio>
        <Radio name={`${id}-role`} checked={r.type === 'custom'} onChange={() => onRole({ type: 'custom' })}>
          {t('access.share.custom')}
        </Radio>
      </div>
      {r.type === 'existing' && (
        <span className="field-row">
          <label htmlFor={`${id}-existing`}>{t('access.share.existingSelect')}</label>
          <select id={`${id}-existing`} value={r.ref} onChange={(e) => onRole({ type: 'existing', ref: e.target.value })} disabled={roles === null && !rolesError}>
            {roles === null && !rolesError && <option value="">{t('access.share.rolesLoading')}</option>}
            {roles !== null && existing.length === 0 && <option value="">{t('access.share.noRoles')}</option>}
            {existing.map((x) => (
              <option key={roleRef(x)} value={roleRef(x)}>
                {roleRef(x)}
              </option>
            ))}
          </select>
        </span>
      )}
      {r.type === 'existing' && rolesError && (
        <p className="op-message bad" role="alert">
          {t('access.share.rolesError', { error: rolesError })}
        </p>
      )}
      {r.type === 'custom' && <CustomRules checked={form.custom} onChange={onCustom} extra={form.extra} addable={addable} onExtra={onExtra} />}
    </fieldset>
  );
}

function Radio({ name, checked, onChange, children }: { name: string; checked: boolean; onChange: () => void; children: ReactNode }) {
  return (
    <label className="field-row">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {children}
    </label>
  );
}
