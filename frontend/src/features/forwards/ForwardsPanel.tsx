// The dock's list of every port-forward of the app.
import { ForwardTable } from './ForwardRow';
import { useForwards } from './forwardsStore';
import './forwards.css';

export function ForwardsPanel() {
  const { forwards, loaded, error } = useForwards();
  const contexts = new Set(forwards.map((f) => f.request.context));
  return (
    <div className="forwards-panel">
      {error && (
        <p className="bad-text" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted" role="status">
          Loading port-forwards…
        </p>
      ) : forwards.length === 0 ? (
        <p className="muted">No port-forwards. Start one from a pod or a service (its Port-forward tab).</p>
      ) : (
        <ForwardTable forwards={forwards} label="Port-forwards" showContext={contexts.size > 1} />
      )}
    </div>
  );
}
