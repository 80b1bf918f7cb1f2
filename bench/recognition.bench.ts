// Recognition on the real-roadmap corpus (test/fixtures/roadmaps/real): roadmaps fully right and
// labelled checks passed, and recognitions per second.
import { performance } from 'node:perf_hooks';
import { recognizeRoadmap } from '../src/core/roadmap';
import { loadRealCorpus, scoreCorpus } from '../test/unit/roadmap/corpus';

export function run(): void {
  const corpus = loadRealCorpus();
  const score = scoreCorpus((cells) => recognizeRoadmap(cells), corpus);
  console.log(`real roadmaps fully right: ${score.fullyRight}/${score.roadmaps}; labelled checks passed: ${score.passed}/${score.checks}`);
  for (const r of score.perRoadmap) if (r.failures.length) console.log(`  ${r.slug}: ${r.failures.join('; ')}`);

  for (let i = 0; i < 50; i++) for (const r of corpus) recognizeRoadmap(r.cells); // warm-up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (const r of corpus) recognizeRoadmap(r.cells);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`recognition: ≈ ${Math.round(corpus.length / (best / 1000)).toLocaleString('en')} roadmaps/s on the corpus`);
}
