export function Logo({ size = 20 }: { size?: number }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width={size} height={size} className="logo">
      <path d="M12 2l8.7 5v10L12 22l-8.7-5V7z" fill="var(--accent)" />
      <path d="M8 7.5v9M8 12l5-4.5M8 12l5.5 4.5" stroke="var(--accent-contrast)" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}
