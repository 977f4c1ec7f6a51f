// Shown instead of the app when the data file cannot be used: what happened, what to do.
import type { StoreProblem } from '../../../shared/api';

interface ProblemScreenProps {
  problem: Pick<StoreProblem, 'title' | 'message' | 'advice'>;
  dataFile?: string;
}

export function ProblemScreen({ problem, dataFile }: ProblemScreenProps) {
  return (
    <main className="problem-screen" aria-labelledby="problem-title">
      <div className="problem-card" role="alert">
        <h1 id="problem-title">{problem.title}</h1>
        <p>{problem.message}</p>
        <p className="problem-advice">{problem.advice}</p>
        {dataFile ? (
          <p className="problem-file">
            Data file: <code>{dataFile}</code>
          </p>
        ) : null}
      </div>
    </main>
  );
}
