import { useTranslation } from 'react-i18next';
import { transport } from '../../api';

/**
 * Ends the browser session (`POST /logout`: the server closes its terminals
 * and port-forwards and forgets the tokens entered in it). A plain form, so
 * the browser follows the server's "You signed out" page. The desktop shell
 * has no session to end and shows nothing.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  if (transport() !== 'http') return null;
  return (
    <form method="post" action="/logout" className="sign-out-form">
      <button type="submit" className="btn" title={t('clusters.signOut.title')}>
        {t('clusters.signOut.label')}
      </button>
    </form>
  );
}
