// The words of the Access views that are built from data: a cell's
// accessible name, danger badges, grants, scopes.
import type { AccessCell, AccessColumn, AccessDangerKind, AccessGrant, Subject, SubjectKind } from '../../api/types';
import { t } from '../../i18n';
import { cellVerbs, namedVerbs } from './matrix';

/**
 * "developer on pods: create, delete, get, list, patch, update, watch";
 * verbs allowed only on some objects follow with those names.
 */
export function cellName(subject: string, resource: string, cell: AccessCell | null, column: AccessColumn): string {
  const verbs = cellVerbs(cell, column);
  const named = namedVerbs(cell, column).map((n) => t('access.matrix.namedVerb', { verb: n.verb, names: n.names.join(', ') }));
  const parts = [verbs.join(', '), named.length > 0 ? t('access.matrix.namedOnly', { verbs: named.join(', ') }) : ''].filter(Boolean);
  return t('access.matrix.cellName', { subject, resource, verbs: parts.join('; ') });
}

/** How a cell names its subject: "developer", "team-a/ci-bot" (a service account is only unique with its namespace). */
export function subjectName(s: Subject): string {
  return s.namespace ? `${s.namespace}/${s.name}` : s.name;
}

/** "Who can do what in team-a", "Who can do what cluster-wide". */
export function matrixName(namespace: string): string {
  return namespace ? t('access.matrix.tableIn', { namespace }) : t('access.matrix.tableCluster');
}

/** The short badge of a subject kind. */
export function kindBadge(kind: SubjectKind): string {
  switch (kind) {
    case 'User': return t('access.kind.userShort');
    case 'Group': return t('access.kind.groupShort');
    case 'ServiceAccount': return t('access.kind.serviceAccountShort');
  }
}

/** A danger badge's text. */
export function dangerLabel(kind: AccessDangerKind): string {
  switch (kind) {
    case 'cluster-admin': return t('access.danger.clusterAdmin');
    case 'wildcard-verbs': return t('access.danger.wildcardVerbs');
    case 'wildcard-resources': return t('access.danger.wildcardResources');
    case 'escalate': return t('access.danger.escalate');
    case 'bind': return t('access.danger.bind');
    case 'impersonate': return t('access.danger.impersonate');
    case 'secrets-cluster-wide': return t('access.danger.secretsClusterWide');
    case 'all-authenticated': return t('access.danger.allAuthenticated');
    case 'unauthenticated': return t('access.danger.unauthenticated');
  }
}

/** What a danger means, for the legend. */
export function dangerHelp(kind: AccessDangerKind): string {
  switch (kind) {
    case 'cluster-admin': return t('access.dangerHelp.clusterAdmin');
    case 'wildcard-verbs': return t('access.dangerHelp.wildcardVerbs');
    case 'wildcard-resources': return t('access.dangerHelp.wildcardResources');
    case 'escalate': return t('access.dangerHelp.escalate');
    case 'bind': return t('access.dangerHelp.bind');
    case 'impersonate': return t('access.dangerHelp.impersonate');
    case 'secrets-cluster-wide': return t('access.dangerHelp.secretsClusterWide');
    case 'all-authenticated': return t('access.dangerHelp.allAuthenticated');
    case 'unauthenticated': return t('access.dangerHelp.unauthenticated');
  }
}

const refText = (kind: string, name: string, namespace?: string) => `${kind} ${namespace ? `${namespace}/` : ''}${name}`;

/** "RoleBinding team-a/dev → ClusterRole edit (via Group system:authenticated)". */
export function grantText(g: AccessGrant): string {
  const binding = refText(g.bindingKind, g.bindingName, g.bindingNamespace);
  const role = refText(g.role.kind, g.role.name, g.role.namespace);
  const base = t('access.grants.grant', { binding, role });
  const via = g.via ? t('access.grants.via', { subject: refText(g.via.kind, g.via.name, g.via.namespace) }) : '';
  const missing = g.missing ? t('access.grants.roleMissing') : '';
  return [base, via, missing].filter(Boolean).join(' ');
}

/** "User alice", "ServiceAccount ci": a subject dialog's name says the kind and the name. */
export function subjectTitle(s: Subject): string {
  return t('access.subject.title', { kind: s.kind, name: subjectName(s) });
}
