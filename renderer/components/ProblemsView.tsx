import { useLibraryStore } from '../stores/library-store';

export function ProblemsView() {
  const problems = useLibraryStore((state) => state.problems);
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h1 id="problems-title">Library problems</h1>
      {problems.length === 0 ? (
        <p className="empty">Every file of the library was read without a problem.</p>
      ) : (
        <>
          <p>These files were left out or need attention. Everything else in the library works.</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">File</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={`${problem.path}-${index}`} className={`problem-${problem.level}`}>
                  <td>{problem.level}</td>
                  <td>
                    <code>{problem.path}</code>
                  </td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
