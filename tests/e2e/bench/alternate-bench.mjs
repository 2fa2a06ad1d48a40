// Two builds of the portal, loaded cold in turn, load by load, under the same
// emulated network (CDP, `rtt` ms round trip, 20 Mbit/s), so that a machine
// that speeds up or slows down during the run weighs on both alike: network.sh
// measures one build, then the other, and on this 2-core machine its figures
// drift by up to ±20 % between the two halves. Prints, per page (network-bench's
// PAGES), the median and quartiles of the time to first content in the page
// (browser.mjs recordShown), each build, and every sample.
//   BEFORE_BASE=… BASE=… node tests/e2e/bench/alternate-bench.mjs [pairs] [rtt]
// (scripts/bench/alternate.sh serves the two builds and runs it.)
import { coldPage, launch, shownMs } from './browser.mjs';
import { PAGES } from './pages.mjs';

const [pairsArg = '14', rttArg = '40'] = process.argv.slice(2);
const pairs = Number(pairsArg);
const rtt = Number(rttArg);
const builds = [['before', process.env.BEFORE_BASE], ['now', process.env.BASE]];
if (builds.some(([, base]) => !base)) throw new Error('alternate-bench: BEFORE_BASE and BASE name the two builds');

const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 4)], s[Math.floor(s.length / 2)], s[Math.floor((3 * s.length) / 4)]];
};

const browser = await launch();
console.log(`first content in the page, ms (${rtt} ms round trip, 20 Mbit/s, ${pairs} cold loads of each build in turn): p25 median p75`);
for (const target of PAGES.filter((t) => t.name.includes(process.env.ONLY || ''))) {
  const samples = { before: [], now: [] };
  for (let i = 0; i < pairs; i++) {
    // Which build goes first alternates too.
    for (const [label, base] of i % 2 ? [...builds].reverse() : builds) {
      const { context, page } = await coldPage(browser, target.shows, rtt, 20e6 / 8);
      await page.goto(base + target.path, { waitUntil: 'commit' });
      await target.ready(page);
      samples[label].push(await shownMs(page));
      await context.close();
    }
  }
  const [b, n] = [quartiles(samples.before), quartiles(samples.now)];
  console.log(`${target.name.padEnd(22)} before ${b.join(' ')} | now ${n.join(' ')}   before=[${samples.before}] now=[${samples.now}]`);
}
await browser.close();
