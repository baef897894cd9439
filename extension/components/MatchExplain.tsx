import type { MatchCandidate } from '../../shared/protocol/track.js';
import { formatDuration, hostnameOf } from './format.js';
import { agreementBars, matchReason } from './track-view.js';

/** The chosen source and why: agreement bars from the matcher's breakdown, markers, score. */
export function MatchExplain({ match, picked }: { match: MatchCandidate; picked: boolean }) {
  const b = match.breakdown;
  return (
    <section className="match" aria-label="Matched source">
      <div className="match-head">
        <span className="section-label">{picked ? 'Your source' : 'Matched source'}</span>
        {!picked && <span className="score" title="Match score: the sum of the parts below, plus a bonus for the search that found it">score {match.score.toFixed(2)}</span>}
      </div>
      <a className="match-title" href={match.url} target="_blank" rel="noreferrer" data-field="match">
        {match.title}
      </a>
      <p className="match-meta">{[match.channel, formatDuration(match.durationSec), hostnameOf(match.url)].filter(Boolean).join(' · ')}</p>
      <p className="match-reason">{matchReason(b, picked ? 'you' : match.foundBy)}</p>
      {b && !picked && (
        <dl className="bars">
          {agreementBars(b).map((x) => (
            <div key={x.key} className="bar-row" data-part={x.key}>
              <dt>{x.label}</dt>
              <dd>
                <span className="meter" role="meter" aria-label={`${x.label} agreement`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(x.value * 100)}>
                  <span style={{ width: `${x.value * 100}%` }} data-level={x.value >= 0.85 ? 'good' : x.value >= 0.5 ? 'fair' : 'poor'} />
                </span>
                <span className="bar-value">{Math.round(x.value * 100)}%</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {b && b.markers.length > 0 && (
        <p className="markers">
          {b.markers.map((m) => (
            <span key={m} className="chip warn">
              {m}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
