import { expect } from '@open-wc/testing';
import { bandPath, pixelColumnIndices, polar, polylinePath, sliceAngles, slicePath } from '../../../src/charts/path.js';

/** A noisy series: a random walk with spikes, the worst case for dropping points. */
function walk(count: number, width: number, seed = 7): { xs: number[]; ys: number[] } {
  let state = seed;
  const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  let y = 100;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    y = Math.max(2, Math.min(198, y + (random() - 0.5) * 30 + (random() < 0.02 ? 80 : 0)));
    xs.push(10 + (i / (count - 1)) * width);
    ys.push(y);
  }
  return { xs, ys };
}

/** The pixels a path strokes on a canvas, as in the chart (2px round-joined line). */
function stroke(d: string, width: number): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = 200;
  const context = canvas.getContext('2d')!;
  context.lineWidth = 2;
  context.lineJoin = 'round';
  context.lineCap = 'round';
  context.stroke(new Path2D(d));
  return context.getImageData(0, 0, width, 200).data;
}

describe('polylinePath and bandPath', () => {
  it('writes straight segments rounded to hundredths of a pixel', () => {
    expect(polylinePath([0, 1.23456, 2], [5, 6.789, 7.001])).to.equal('M0,5L1.23,6.79L2,7');
    expect(polylinePath([], [])).to.equal('');
  });

  it('closes a band along its base, right to left', () => {
    expect(bandPath({ xs: [0, 10], ys: [1, 2] }, { xs: [0, 10], ys: [5, 6] })).to.equal('M0,1L10,2L10,6L0,5Z');
    expect(bandPath({ xs: [], ys: [] }, { xs: [], ys: [] })).to.equal('');
  });
});

describe('pixelColumnIndices', () => {
  it('keeps every point when there are not many more points than pixels', () => {
    const { xs, ys } = walk(520, 300);
    expect(pixelColumnIndices(xs, ys)).to.have.length(520);
  });

  it('keeps at most four points per quarter-pixel column, with the first, last, lowest and highest', () => {
    const { xs, ys } = walk(52_000, 280);
    const kept = pixelColumnIndices(xs, ys);
    expect(kept.length).to.be.at.most(4 * 4 * 281);
    expect(kept.length).to.be.below(xs.length / 4);
    expect(kept[0]).to.equal(0);
    expect(kept.at(-1)).to.equal(xs.length - 1);
    expect(kept.some((k) => ys[k] === Math.max(...ys))).to.equal(true);
    expect(kept.some((k) => ys[k] === Math.min(...ys))).to.equal(true);
    expect(kept.every((k, i) => i === 0 || k > kept[i - 1])).to.equal(true);
  });

  it('draws the same pixels as the full series', () => {
    for (const [count, width] of [[5200, 120], [52_000, 280], [2000, 40]]) {
      const { xs, ys } = walk(count, width);
      const kept = pixelColumnIndices(xs, ys);
      const full = stroke(polylinePath(xs, ys), width + 20);
      const simplified = stroke(polylinePath(kept.map((k) => xs[k]), kept.map((k) => ys[k])), width + 20);
      expect(kept.length, `${count} points in ${width}px`).to.be.below(count);
      // Antialiasing at joins may shift a pixel's coverage a little: under a quarter, but for a few pixels in a
      // thousand; none by half (a pixel that appears or disappears).
      let drawn = 0;
      let shifted = 0;
      let largest = 0;
      for (let i = 3; i < full.length; i += 4) {
        const change = Math.abs(full[i] - simplified[i]);
        if (full[i]) drawn++;
        if (change >= 64) shifted++;
        largest = Math.max(largest, change);
      }
      expect(shifted, `${count} points in ${width}px`).to.be.below(drawn / 1000);
      expect(largest, `${count} points in ${width}px`).to.be.below(128);
    }
  });
});

describe('slicePath and sliceAngles', () => {
  it('splits the circle clockwise in proportion to the values', () => {
    const angles = sliceAngles([1, 3]);
    expect(angles[0]).to.deep.equal({ startAngle: 0, endAngle: Math.PI / 2 });
    expect(angles[1].endAngle).to.be.closeTo(2 * Math.PI, 1e-9);
    expect(sliceAngles([0, 0]).every((a) => a.endAngle === 0)).to.equal(true);
  });

  it('leaves a gap of constant width between slices, at the outer and the inner edge', () => {
    const d = slicePath(60, 100, 0, Math.PI / 2, 2);
    const [mx, my] = d.slice(1).split(/[A-Z]/)[0].split(',').map(Number);
    // The slice starts 1px (half the gap) clockwise of the twelve o'clock radius, on the outer circle.
    expect(mx).to.be.closeTo(1, 0.01);
    expect(Math.hypot(mx, my)).to.be.closeTo(100, 0.01);
    const innerStart = d.split('L')[1].split('A')[0].split(',').map(Number);
    expect(innerStart[1]).to.be.closeTo(-1, 0.01); // 1px above the three o'clock radius
    expect(Math.hypot(innerStart[0], innerStart[1])).to.be.closeTo(60, 0.01);
  });

  it('draws a whole circle (and a donut hole) as two half arcs each', () => {
    const d = slicePath(50, 100, 0, 2 * Math.PI, 1);
    expect(d.match(/A/g)).to.have.length(4);
    expect(d.match(/M/g)).to.have.length(2);
    expect(slicePath(0, 100, 0, 2 * Math.PI, 1).match(/A/g)).to.have.length(2);
  });

  it('keeps a sliver thinner than the gap visible, and draws nothing for no angle or no radius', () => {
    expect(slicePath(0, 100, 1, 1.005, 2)).to.match(/^M.+A.+Z$/);
    expect(slicePath(0, 100, 1, 1, 2)).to.equal('');
    expect(slicePath(0, 0, 0, 1, 2)).to.equal('');
  });

  it('puts polar angles clockwise from twelve o\'clock', () => {
    const [x, y] = polar(10, Math.PI / 2);
    expect(x).to.be.closeTo(10, 1e-9);
    expect(y).to.be.closeTo(0, 1e-9);
  });
});
