// Folio's "Try the model" pad: prepares a drawing as `predict` prepares a picture (center: auto)
// and runs the report's model on it in the page. Ports Sources/Datasets/ImageImport (Float32
// arithmetic where the Swift uses Float) and every layer kind of Sources/NeuralNet in inference mode.
(function () {
  'use strict';
  var f = Math.fround;

  // ---- Swift's numeric helpers -------------------------------------------------------------
  /** Swift's `rounded()`: to nearest, halves away from zero. */
  function round(x) { return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5); }
  function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }

  // ---- GrayImage ---------------------------------------------------------------------------
  function image(width, height, pixels) {
    return { width: width, height: height, pixels: pixels || new Float32Array(width * height) };
  }
  function mapped(img, transform) {
    var out = new Float32Array(img.pixels.length);
    for (var i = 0; i < out.length; i++) out[i] = transform(img.pixels[i]);
    return image(img.width, img.height, out);
  }
  /** GrayImage.quantile: the `fraction` quantile of at most about 8192 evenly taken values. */
  function quantile(values, fraction) {
    var n = values.length;
    if (n === 0) return 0;
    var step = Math.max(1, Math.floor(n / 8192));
    var taken = new Float32Array(Math.ceil(n / step));
    for (var i = 0, k = 0; i < n; i += step) taken[k++] = values[i];
    taken.sort();
    var index = round(f(f(taken.length - 1) * Math.min(Math.max(f(fraction), 0), 1)));
    return taken[index];
  }
  /** GrayImage.sample: at most about `limit` pixels spread evenly over the image. */
  function sample(img, limit) {
    var count = img.pixels.length, stride = Math.max(1, Math.floor(count / (limit || 40000)));
    while (stride > 1 && gcd(stride, img.width) !== 1) stride += 1;
    var out = [];
    for (var i = 0; i < count; i += stride) out.push(img.pixels[i]);
    return out;
  }
  function cropped(img, x, y, w, h) {
    var out = image(w, h);
    for (var row = 0; row < h; row++) {
      out.pixels.set(img.pixels.subarray((y + row) * img.width + x, (y + row) * img.width + x + w), row * w);
    }
    return out;
  }

  // ---- AreaResampling ----------------------------------------------------------------------
  function areaWeights(inputCount, outputCount) {
    var ratio = inputCount / outputCount, result = [];
    for (var out = 0; out < outputCount; out++) {
      var start = out * ratio, end = (out + 1) * ratio, taps = [];
      for (var index = Math.floor(start); index < end && index < inputCount; index++) {
        var overlap = Math.min(end, index + 1) - Math.max(start, index);
        if (overlap > 1e-9) taps.push({ index: index, weight: f(overlap / ratio) });
      }
      result.push(taps);
    }
    return result;
  }
  function resized(img, newWidth, newHeight) {
    var columns = areaWeights(img.width, newWidth), rows = areaWeights(img.height, newHeight);
    var horizontal = new Float32Array(img.height * newWidth);
    for (var y = 0; y < img.height; y++) {
      var row = y * img.width;
      for (var x = 0; x < newWidth; x++) {
        var taps = columns[x], sum = 0;
        for (var t = 0; t < taps.length; t++) sum = f(sum + f(img.pixels[row + taps[t].index] * taps[t].weight));
        horizontal[y * newWidth + x] = sum;
      }
    }
    var result = image(newWidth, newHeight);
    for (var oy = 0; oy < newHeight; oy++) {
      var vtaps = rows[oy];
      for (var v = 0; v < vtaps.length; v++) {
        var source = vtaps[v].index * newWidth, weight = vtaps[v].weight;
        for (var ox = 0; ox < newWidth; ox++) {
          var at = oy * newWidth + ox;
          result.pixels[at] = f(result.pixels[at] + f(horizontal[source + ox] * weight));
        }
      }
    }
    return result;
  }
  /** ImageImport.workingCopy: shrunk so the longest side is at most `longestSide`. */
  function workingCopy(img, longestSide) {
    var longest = Math.max(img.width, img.height);
    if (longest <= longestSide) return img;
    var factor = longestSide / longest;
    return resized(img, Math.max(1, round(img.width * factor)), Math.max(1, round(img.height * factor)));
  }

  // ---- PaperBackground ---------------------------------------------------------------------
  function leastSquares(width, height, positions, values, included) {
    var n = 6, m = new Float64Array(n * (n + 1)), basis = new Float64Array(n);
    for (var index = 0; index < values.length; index++) {
      if (!included[index]) continue;
      var u = (positions[index][0] + 0.5) / width - 0.5, v = (positions[index][1] + 0.5) / height - 0.5;
      basis[0] = 1; basis[1] = u; basis[2] = v; basis[3] = u * u; basis[4] = u * v; basis[5] = v * v;
      for (var i = 0; i < n; i++) {
        for (var j = 0; j < n; j++) m[i * (n + 1) + j] += basis[i] * basis[j];
        m[i * (n + 1) + n] += basis[i] * values[index];
      }
    }
    for (var column = 0; column < n; column++) {
      var pivot = column;
      for (var row = column; row < n; row++) {
        if (Math.abs(m[row * (n + 1) + column]) > Math.abs(m[pivot * (n + 1) + column])) pivot = row;
      }
      if (!(Math.abs(m[pivot * (n + 1) + column]) > 1e-9)) return null;
      if (pivot !== column) {
        for (var k = 0; k <= n; k++) {
          var swap = m[column * (n + 1) + k];
          m[column * (n + 1) + k] = m[pivot * (n + 1) + k];
          m[pivot * (n + 1) + k] = swap;
        }
      }
      for (var r = 0; r < n; r++) {
        if (r === column) continue;
        var factor = m[r * (n + 1) + column] / m[column * (n + 1) + column];
        for (var c = column; c <= n; c++) m[r * (n + 1) + c] -= factor * m[column * (n + 1) + c];
      }
    }
    var result = [];
    for (var q = 0; q < n; q++) result.push(m[q * (n + 1) + n] / m[q * (n + 1) + q]);
    return result;
  }
  function surfaceLevel(fit, x, y) {
    var u = (x + 0.5) / fit.width - 0.5, v = (y + 0.5) / fit.height - 0.5, c = fit.coefficients;
    return f(c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v);
  }
  function blockFit(paper, inkIsDark) {
    var grid = 8;
    if (paper.width < grid || paper.height < grid) return null;
    var positions = [], values = [];
    for (var by = 0; by < grid; by++) {
      for (var bx = 0; bx < grid; bx++) {
        var x0 = Math.floor(bx * paper.width / grid), x1 = Math.floor((bx + 1) * paper.width / grid);
        var y0 = Math.floor(by * paper.height / grid), y1 = Math.floor((by + 1) * paper.height / grid);
        var block = [];
        for (var y = y0; y < y1; y++) for (var x = x0; x < x1; x++) block.push(paper.pixels[y * paper.width + x]);
        positions.push([Math.floor((x0 + x1) / 2), Math.floor((y0 + y1) / 2)]);
        values.push(quantile(block, inkIsDark ? 0.75 : 0.5));
      }
    }
    var fit = { width: paper.width, height: paper.height, coefficients: [0, 0, 0, 0, 0, 0] };
    var included = values.map(function () { return true; });
    for (var iteration = 0; iteration < 4; iteration++) {
      var coefficients = leastSquares(paper.width, paper.height, positions, values, included);
      if (!coefficients) return null;
      fit.coefficients = coefficients;
      var residuals = values.map(function (value, i) { return f(value - surfaceLevel(fit, positions[i][0], positions[i][1])); });
      var spread = Math.max(1, f(f(1.4826) * quantile(residuals.map(Math.abs), 0.5)));
      var limit = f(2.5 * spread);
      included = residuals.map(function (r) { return inkIsDark ? r > -limit : Math.abs(r) < limit; });
    }
    return fit.coefficients;
  }
  /** PaperBackground(fitting:inkIsDark:): the paper's smooth brightness and its noise. */
  function paperBackground(paper, inkIsDark) {
    var step = Math.max(1, Math.ceil(Math.sqrt(paper.width * paper.height / 8000)));
    var positions = [], values = [];
    for (var y = Math.floor(step / 2); y < paper.height; y += step) {
      for (var x = Math.floor(step / 2); x < paper.width; x += step) {
        positions.push([x, y]);
        values.push(paper.pixels[y * paper.width + x]);
      }
    }
    var fit = { width: paper.width, height: paper.height, noise: 1,
                coefficients: [quantile(sample(paper), 0.5), 0, 0, 0, 0, 0] };
    var start = blockFit(paper, inkIsDark);
    if (start) fit.coefficients = start;
    for (var iteration = 0; iteration < 5; iteration++) {
      var residuals = values.map(function (value, i) { return f(value - surfaceLevel(fit, positions[i][0], positions[i][1])); });
      var noise = fit.noise, spread;
      if (iteration === 0 && inkIsDark) {
        spread = residuals.filter(function (r) { return r >= 0; });
      } else {
        var bound = f(f(3 * noise) + 3);
        spread = residuals.filter(function (r) { return Math.abs(r) < bound; });
      }
      noise = fit.noise = Math.max(1, f(f(1.4826) * quantile(spread.map(Math.abs), 0.5)));
      var upper = inkIsDark ? f(f(4 * noise) + 4) : f(f(2.5 * noise) + 2);
      var lower = f(f(-2.5 * noise) - 2);
      var included = residuals.map(function (r) { return r > lower && r < upper; });
      var fitted = leastSquares(fit.width, fit.height, positions, values, included);
      if (fitted) fit.coefficients = fitted;
    }
    return fit;
  }
  function inkOf(fit, paper) {
    var out = image(paper.width, paper.height);
    for (var y = 0; y < paper.height; y++) {
      for (var x = 0; x < paper.width; x++) {
        var at = y * paper.width + x;
        out.pixels[at] = Math.max(0, f(surfaceLevel(fit, x, y) - paper.pixels[at]));
      }
    }
    return out;
  }

  // ---- InkPolarity -------------------------------------------------------------------------
  function isDarkOnLight(img) {
    var marginX = Math.floor(img.width / 10), marginY = Math.floor(img.height / 10);
    var inner = cropped(img, marginX, marginY, img.width - 2 * marginX, img.height - 2 * marginY);
    var ground = paperBackground(inner, false);
    var stride = Math.max(1, Math.floor(inner.pixels.length / 10000)), residuals = [];
    for (var i = 0; i < inner.pixels.length; i += stride) {
      residuals.push(f(inner.pixels[i] - surfaceLevel(ground, i % inner.width, Math.floor(i / inner.width))));
    }
    return -quantile(residuals, 0.005) > quantile(residuals, 0.995);
  }

  // ---- InkComponents -----------------------------------------------------------------------
  function otsuThreshold(values) {
    var histogram = new Float64Array(256);
    for (var i = 0; i < values.length; i++) histogram[Math.trunc(Math.min(Math.max(values[i], 0), 255))] += 1;
    var total = values.length, weightedTotal = 0;
    for (var l = 0; l < 256; l++) weightedTotal += l * histogram[l];
    var below = 0, weightedBelow = 0, best = 0, threshold = 0;
    for (var level = 0; level < 256; level++) {
      below += histogram[level];
      weightedBelow += level * histogram[level];
      var above = total - below;
      if (!(below > 0 && above > 0)) continue;
      var meanBelow = weightedBelow / below, meanAbove = (weightedTotal - weightedBelow) / above;
      var between = below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (between > best) { best = between; threshold = level; }
    }
    return f(threshold + 0.5);
  }
  function components(mask, width, height) {
    var seen = new Uint8Array(mask.length), result = [], stack = [];
    for (var start = 0; start < mask.length; start++) {
      if (!mask[start] || seen[start]) continue;
      var pixels = [], edges = [0, 0, 0, 0];
      seen[start] = 1;
      stack.push(start);
      while (stack.length) {
        var index = stack.pop();
        pixels.push(index);
        var x = index % width, y = Math.floor(index / width);
        if (y === 0) edges[0]++;
        if (y === height - 1) edges[1]++;
        if (x === 0) edges[2]++;
        if (x === width - 1) edges[3]++;
        for (var dy = -1; dy <= 1; dy++) {
          var ny = y + dy;
          if (ny < 0 || ny >= height) continue;
          for (var dx = -1; dx <= 1; dx++) {
            var nx = x + dx;
            if (nx < 0 || nx >= width) continue;
            var neighbour = ny * width + nx;
            if (mask[neighbour] && !seen[neighbour]) { seen[neighbour] = 1; stack.push(neighbour); }
          }
        }
      }
      result.push({
        pixels: pixels,
        touchesBorder: edges.some(function (e) { return e > 0; }),
        edgeCoverage: Math.max(f(f(Math.max(edges[0], edges[1])) / f(width)), f(f(Math.max(edges[2], edges[3])) / f(height)))
      });
    }
    return result;
  }
  function digitComponents(all, width, height) {
    var imageArea = width * height, minimum = Math.max(12, Math.floor(imageArea / 1500));
    var sizeable = all.filter(function (c) { return c.pixels.length >= minimum && c.edgeCoverage < f(0.8); });
    var inside = sizeable.filter(function (c) { return !c.touchesBorder; });
    function largestOf(list) { return list.reduce(function (m, c) { return Math.max(m, c.pixels.length); }, 0); }
    var largestInside = largestOf(inside), largestSizeable = largestOf(sizeable);
    var insideIsDigit = largestInside > 0 && (largestInside * 8 >= largestSizeable || largestInside * 150 >= imageArea);
    var pool = insideIsDigit ? inside : sizeable, largest = largestOf(pool);
    return pool.filter(function (c) { return c.pixels.length * 10 >= largest; });
  }

  // ---- DigitCentering ----------------------------------------------------------------------
  function NoInk() {}
  function bounds(pixels, width) {
    var b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (var i = 0; i < pixels.length; i++) {
      var x = pixels[i] % width, y = Math.floor(pixels[i] / width);
      b.minX = Math.min(b.minX, x); b.maxX = Math.max(b.maxX, x); b.minY = Math.min(b.minY, y); b.maxY = Math.max(b.maxY, y);
    }
    b.width = b.maxX - b.minX + 1; b.height = b.maxY - b.minY + 1;
    return b;
  }
  function longestSide(b) { return Math.max(b.width, b.height); }
  function expanded(b, margin, width, height) {
    var minX = Math.max(0, b.minX - margin), minY = Math.max(0, b.minY - margin);
    var maxX = Math.min(width - 1, b.maxX + margin), maxY = Math.min(height - 1, b.maxY + margin);
    return { minX: minX, minY: minY, maxX: maxX, maxY: maxY, width: maxX - minX + 1, height: maxY - minY + 1 };
  }
  function strokeWidth(pixels, width, height) {
    var inside = new Uint8Array(width * height), outline = 0, i;
    for (i = 0; i < pixels.length; i++) inside[pixels[i]] = 1;
    for (i = 0; i < pixels.length; i++) {
      var x = pixels[i] % width, y = Math.floor(pixels[i] / width);
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1 || !inside[pixels[i] - 1] || !inside[pixels[i] + 1]
          || !inside[pixels[i] - width] || !inside[pixels[i] + width]) outline += 1;
    }
    return f(f(2 * pixels.length) / f(Math.max(outline, 1)));
  }
  function maxFiltered(img, radius) {
    var w = img.width, h = img.height, horizontal = new Float32Array(img.pixels.length), out = new Float32Array(img.pixels.length);
    for (var y = 0; y < h; y++) {
      for (var x = 0; x < w; x++) {
        var best = 0;
        for (var nx = Math.max(0, x - radius); nx <= Math.min(w - 1, x + radius); nx++) best = Math.max(best, img.pixels[y * w + nx]);
        horizontal[y * w + x] = best;
      }
    }
    for (var yy = 0; yy < h; yy++) {
      for (var xx = 0; xx < w; xx++) {
        var top = 0;
        for (var ny = Math.max(0, yy - radius); ny <= Math.min(h - 1, yy + radius); ny++) top = Math.max(top, horizontal[ny * w + xx]);
        out[yy * w + xx] = top;
      }
    }
    return image(w, h, out);
  }
  function softStrokes(ink, digitPixels, threshold) {
    var digitInk = digitPixels.map(function (i) { return ink.pixels[i]; });
    var level = Math.max(quantile(digitInk, 0.9), f(threshold + 1));
    var floor = f(threshold * f(0.5));
    var near = new Uint8Array(ink.pixels.length), w = ink.width, h = ink.height;
    for (var k = 0; k < digitPixels.length; k++) {
      var x = digitPixels[k] % w, y = Math.floor(digitPixels[k] / w);
      for (var ny = Math.max(0, y - 2); ny <= Math.min(h - 1, y + 2); ny++) {
        for (var nx = Math.max(0, x - 2); nx <= Math.min(w - 1, x + 2); nx++) near[ny * w + nx] = 1;
      }
    }
    var out = image(w, h), range = f(level - floor);
    for (var i = 0; i < ink.pixels.length; i++) {
      if (near[i]) out.pixels[i] = f(Math.min(Math.max(f(f(ink.pixels[i] - floor) / range), 0), 1) * 255);
    }
    return out;
  }
  function placeByCentreOfMass(box, width, height) {
    var total = 0, sumX = 0, sumY = 0;
    for (var y = 0; y < box.height; y++) {
      for (var x = 0; x < box.width; x++) {
        var value = box.pixels[y * box.width + x];
        total = f(total + value);
        sumX = f(sumX + f(value * f(x + 0.5)));
        sumY = f(sumY + f(value * f(y + 0.5)));
      }
    }
    if (!(total > 0)) throw new NoInk();
    var centreX = f(Math.floor(width / 2) + 0.5), centreY = f(Math.floor(height / 2) + 0.5);
    var left = Math.min(Math.max(round(f(centreX - f(sumX / total))), 0), width - box.width);
    var top = Math.min(Math.max(round(f(centreY - f(sumY / total))), 0), height - box.height);
    var frame = new Uint8Array(width * height);
    for (var by = 0; by < box.height; by++) {
      for (var bx = 0; bx < box.width; bx++) {
        frame[(top + by) * width + left + bx] = Math.min(Math.max(round(box.pixels[by * box.width + bx]), 0), 255);
      }
    }
    return frame;
  }
  /** DigitCentering.prepare: light ink on a dark ground → width × height bytes centred like MNIST. */
  function centreDigit(gray, width, height) {
    var paper = mapped(gray, function (v) { return 255 - v; });
    var background = paperBackground(paper, true);
    var ink = inkOf(background, paper);
    var noise = background.noise;
    var threshold = Math.max(otsuThreshold(sample(ink)), f(4 * noise), 12);
    var mask = new Uint8Array(ink.pixels.length);
    for (var i = 0; i < mask.length; i++) mask[i] = ink.pixels[i] > threshold ? 1 : 0;
    var digit = digitComponents(components(mask, ink.width, ink.height), ink.width, ink.height);
    var digitPixels = [];
    digit.forEach(function (c) { digitPixels = digitPixels.concat(c.pixels); });
    if (digitPixels.length === 0 ||
        !(quantile(digitPixels.map(function (p) { return ink.pixels[p]; }), 0.9) >= Math.max(f(6 * noise), 24))) {
      throw new NoInk();
    }
    var strokes = softStrokes(ink, digitPixels, threshold);
    var visible = [], boundsLevel = f(f(0.1) * 255);
    for (var v = 0; v < strokes.pixels.length; v++) if (strokes.pixels[v] > boundsLevel) visible.push(v);
    var box = bounds(visible.length ? visible : digitPixels, ink.width);
    var boxSide = f(f(Math.min(width, height)) * f(20 / 28));
    var stroke = strokeWidth(digitPixels, ink.width, ink.height);
    var scale = f(boxSide / f(longestSide(box)));
    var radius = round(f(f(f(f(2.4) / scale) - stroke) / 2));
    if (radius >= 1) {
      strokes = maxFiltered(strokes, radius);
      box = expanded(box, radius, ink.width, ink.height);
    }
    scale = f(boxSide / f(longestSide(box)));
    var boxWidth = Math.max(1, Math.min(width, round(f(f(box.width) * scale))));
    var boxHeight = Math.max(1, Math.min(height, round(f(f(box.height) * scale))));
    var small = resized(cropped(strokes, box.minX, box.minY, box.width, box.height), boxWidth, boxHeight);
    var peak = 0;
    for (var p = 0; p < small.pixels.length; p++) peak = Math.max(peak, small.pixels[p]);
    if (peak > 0) small = mapped(small, function (value) { return f(f(value * 255) / peak); });
    return placeByCentreOfMass(small, width, height);
  }
  // ---- GarmentConversion (Fashion-MNIST) ---------------------------------------------------
  function cornerBackground(gray) {
    var side = Math.max(1, Math.floor(Math.min(gray.width, gray.height) / 50));
    function block(x0, y0) {
      var values = [];
      for (var y = y0; y < y0 + side; y++) for (var x = x0; x < x0 + side; x++) values.push(gray.pixels[y * gray.width + x]);
      return quantile(values, 0.5);
    }
    var right = gray.width - side, bottom = gray.height - side;
    var corners = [block(0, 0), block(right, 0), block(0, bottom), block(right, bottom)];
    var sorted = corners.slice().sort(function (a, b) { return a - b; });
    return {
      median: f(f(sorted[1] + sorted[2]) / 2),
      level: function (x, y, width, height) {
        var u = width > 1 ? f(f(x) / f(width - 1)) : 0, v = height > 1 ? f(f(y) / f(height - 1)) : 0;
        var top = f(corners[0] + f(f(corners[1] - corners[0]) * u));
        var low = f(corners[2] + f(f(corners[3] - corners[2]) * u));
        return f(top + f(f(low - top) * v));
      }
    };
  }
  /** A separable 3-tap filter, renormalised where it meets the edges. */
  function filtered(img, weights) {
    function pass(source, horizontal) {
      var out = image(source.width, source.height);
      for (var y = 0; y < source.height; y++) {
        for (var x = 0; x < source.width; x++) {
          var sum = 0, total = 0;
          for (var offset = -1; offset <= 1; offset++) {
            var nx = horizontal ? x + offset : x, ny = horizontal ? y : y + offset;
            if (nx < 0 || ny < 0 || nx >= source.width || ny >= source.height) continue;
            sum = f(sum + f(source.pixels[ny * source.width + nx] * weights[offset + 1]));
            total = f(total + weights[offset + 1]);
          }
          out.pixels[y * source.width + x] = f(sum / total);
        }
      }
      return out;
    }
    return pass(pass(img, true), false);
  }
  function sharpened(img, amount) {
    var blurred = filtered(img, [f(0.6065), 1, f(0.6065)]), out = image(img.width, img.height);
    for (var i = 0; i < img.pixels.length; i++) {
      var p = img.pixels[i];
      out.pixels[i] = Math.min(Math.max(f(p + f(amount * f(p - blurred.pixels[i]))), 0), 255);
    }
    return out;
  }
  /** GarmentConversion.prepare: a picture → width × height bytes like Fashion-MNIST; null when nothing stands out. */
  function convertGarment(gray, negate, width, height) {
    var background = cornerBackground(gray), tolerance = f(f(0.05) * 255);
    var smooth = filtered(gray, [1, 1, 1]), mask = new Uint8Array(gray.pixels.length);
    for (var y = 0; y < gray.height; y++) {
      for (var x = 0; x < gray.width; x++) {
        var at = y * gray.width + x;
        mask[at] = Math.abs(f(smooth.pixels[at] - background.level(x, y, gray.width, gray.height))) > tolerance ? 1 : 0;
      }
    }
    var regions = components(mask, gray.width, gray.height);
    var largest = regions.reduce(function (m, c) { return Math.max(m, c.pixels.length); }, 0);
    var minimum = Math.max(4, Math.trunc(f(f(largest) * f(0.1)))), kept = [];
    regions.forEach(function (c) { if (c.pixels.length >= minimum) kept = kept.concat(c.pixels); });
    if (kept.length === 0 || largest < Math.max(4, Math.floor(gray.pixels.length / 2000))) return null;
    var box = bounds(kept, gray.width);
    var scale = f(f(Math.min(width, height)) / f(longestSide(box)));
    var scaledWidth = Math.max(1, Math.min(width, round(f(f(box.width) * scale))));
    var scaledHeight = Math.max(1, Math.min(height, round(f(f(box.height) * scale))));
    var small = sharpened(resized(cropped(gray, box.minX, box.minY, box.width, box.height), scaledWidth, scaledHeight), 0.5);
    var ground = background.median, canvas = new Float32Array(width * height).fill(ground);
    var left = Math.floor((width - scaledWidth) / 2), top = Math.floor((height - scaledHeight) / 2);
    for (var sy = 0; sy < scaledHeight; sy++) {
      for (var sx = 0; sx < scaledWidth; sx++) canvas[(top + sy) * width + left + sx] = small.pixels[sy * scaledWidth + sx];
    }
    var black = negate ? f(255 - ground) : ground, range = Math.max(f(255 - black), 1), out = new Uint8Array(width * height);
    for (var i = 0; i < canvas.length; i++) {
      var turned = negate ? f(255 - canvas[i]) : canvas[i];
      var stretched = black < 250 ? f(f(f(turned - black) * 255) / range) : turned;
      out[i] = Math.min(Math.max(round(stretched), 0), 255);
    }
    return out;
  }

  /**
   * ImageImport.prepare with invert: auto and center: true — `gray` (0…255, any polarity) → a
   * width × height Uint8Array, light ink on black; null when there is no ink.
   */
  function prepareDigit(gray, width, height) {
    var pixels = gray.pixels, low = 255, high = 0;
    for (var i = 0; i < pixels.length; i++) { low = Math.min(low, pixels[i]); high = Math.max(high, pixels[i]); }
    if (high - low < 16) return null;
    var inverted = isDarkOnLight(workingCopy(gray, 256));
    var working = workingCopy(gray, 512);
    var attempt = function () {
      return centreDigit(inverted ? mapped(working, function (v) { return f(255 - v); }) : working, width, height);
    };
    try {
      return attempt();
    } catch (error) {
      if (!(error instanceof NoInk)) throw error;
      inverted = !inverted;   // A guess can fail on a digit so bold it covers most of the picture.
      try { return attempt(); } catch (again) { if (again instanceof NoInk) return null; throw again; }
    }
  }

  /** ImageImport.prepare with invert: auto and center: auto, for the model's kind of picture. */
  function preparePicture(gray, width, height, garment) {
    if (!garment) return prepareDigit(gray, width, height);
    var low = 255, high = 0;
    for (var i = 0; i < gray.pixels.length; i++) { low = Math.min(low, gray.pixels[i]); high = Math.max(high, gray.pixels[i]); }
    if (high - low < 16) return null;
    var working = workingCopy(gray, 512);
    return convertGarment(working, cornerBackground(working).median > 127.5, width, height);
  }

  // ---- The model ---------------------------------------------------------------------------
  function decodeWeights(base64) {
    var text = atob(base64.replace(/\s+/g, '')), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var view = new DataView(bytes.buffer), values = new Float32Array(bytes.length / 4);
    for (var k = 0; k < values.length; k++) values[k] = view.getFloat32(k * 4, true);
    return values;
  }
  /** Activation over rows of `width` values, in place, as ActivationKernels does. */
  function activate(values, name, slope, width) {
    var n = values.length, i;
    switch (name) {
      case 'relu': for (i = 0; i < n; i++) if (values[i] < 0) values[i] = 0; break;
      case 'leaky_relu': for (i = 0; i < n; i++) if (values[i] < 0) values[i] *= slope; break;
      case 'sigmoid': for (i = 0; i < n; i++) values[i] = 1 / (1 + Math.exp(-values[i])); break;
      case 'tanh': for (i = 0; i < n; i++) values[i] = Math.tanh(values[i]); break;
      case 'softmax':
        for (var start = 0; start < n; start += width) {
          var largest = -Infinity, sum = 0, c;
          for (c = 0; c < width; c++) largest = Math.max(largest, values[start + c]);
          for (c = 0; c < width; c++) { values[start + c] = Math.exp(values[start + c] - largest); sum += values[start + c]; }
          for (c = 0; c < width; c++) values[start + c] /= sum;
        }
        break;
      case 'linear': break;
      default: throw new Error('unknown activation ' + name);
    }
  }
  function dense(x, kernel, bias, units) {
    var inputs = x.length, y = new Float64Array(units);
    for (var o = 0; o < units; o++) y[o] = bias[o];
    for (var i = 0; i < inputs; i++) {
      var xi = x[i];
      if (xi === 0) continue;
      var row = i * units;
      for (var u = 0; u < units; u++) y[u] += xi * kernel[row + u];
    }
    return y;
  }
  function windowGeometry(size, window, stride, padding) {
    if (padding === 'same') {
      var out = Math.ceil(size / stride);
      return { out: out, pad: Math.floor(Math.max((out - 1) * stride + window - size, 0) / 2) };
    }
    return { out: Math.floor((size - window) / stride) + 1, pad: 0 };
  }
  function conv2d(x, shape, layer, kernel, bias) {
    var h = shape[0], w = shape[1], c = shape[2], k = layer.kernelSize, s = layer.stride, filters = layer.filters;
    var gy = windowGeometry(h, k, s, layer.padding), gx = windowGeometry(w, k, s, layer.padding);
    var y = new Float64Array(gy.out * gx.out * filters);
    for (var oy = 0; oy < gy.out; oy++) {
      for (var ox = 0; ox < gx.out; ox++) {
        var at = (oy * gx.out + ox) * filters;
        for (var f0 = 0; f0 < filters; f0++) y[at + f0] = bias[f0];
        for (var ky = 0; ky < k; ky++) {
          var iy = oy * s + ky - gy.pad;
          if (iy < 0 || iy >= h) continue;
          for (var kx = 0; kx < k; kx++) {
            var ix = ox * s + kx - gx.pad;
            if (ix < 0 || ix >= w) continue;
            for (var ci = 0; ci < c; ci++) {
              var xv = x[(iy * w + ix) * c + ci];
              if (xv === 0) continue;
              var kat = ((ky * k + kx) * c + ci) * filters;
              for (var fi = 0; fi < filters; fi++) y[at + fi] += xv * kernel[kat + fi];
            }
          }
        }
      }
    }
    return { values: y, shape: [gy.out, gx.out, filters] };
  }
  function maxpool(x, shape, size, stride) {
    var h = shape[0], w = shape[1], c = shape[2];
    var oh = Math.floor((h - size) / stride) + 1, ow = Math.floor((w - size) / stride) + 1;
    var y = new Float64Array(oh * ow * c);
    for (var oy = 0; oy < oh; oy++) {
      for (var ox = 0; ox < ow; ox++) {
        for (var ch = 0; ch < c; ch++) {
          var best = -Infinity;
          for (var ky = 0; ky < size; ky++) {
            for (var kx = 0; kx < size; kx++) best = Math.max(best, x[((oy * stride + ky) * w + ox * stride + kx) * c + ch]);
          }
          y[(oy * ow + ox) * c + ch] = best;
        }
      }
    }
    return { values: y, shape: [oh, ow, c] };
  }
  function batchnorm(x, channels, gamma, beta, mean, variance, epsilon) {
    var y = new Float64Array(x.length);
    for (var i = 0; i < x.length; i++) {
      var ch = i % channels;
      y[i] = gamma[ch] * ((x[i] - mean[ch]) / Math.sqrt(variance[ch] + epsilon)) + beta[ch];
    }
    return y;
  }
  /** The model's probabilities for one input (already scaled), in inference mode. */
  function run(model, weights, input) {
    var values = Float64Array.from(input), shape = model.inputShape.slice(), offset = 0;
    if (shape.length === 2) shape.push(1);
    model.layers.forEach(function (layer) {
      var arrays = layer.weightCounts.map(function (count) {
        var array = weights.subarray(offset, offset + count);
        offset += count;
        return array;
      });
      var out;
      switch (layer.kind) {
        case 'dense': values = dense(values, arrays[0], arrays[1], layer.units); break;
        case 'conv2d': out = conv2d(values, shape, layer, arrays[0], arrays[1]); values = out.values; break;
        case 'maxpool2d': out = maxpool(values, shape, layer.poolSize, layer.stride); values = out.values; break;
        case 'batchnorm':
          values = batchnorm(values, layer.outputShape[layer.outputShape.length - 1], arrays[0], arrays[1], arrays[2], arrays[3],
                             layer.epsilon);
          break;
        case 'flatten': case 'dropout': case 'activation': break;
        default: throw new Error('unknown layer ' + layer.kind);
      }
      if (layer.activation) {
        activate(values, layer.activation, layer.negativeSlope || 0, layer.outputShape[layer.outputShape.length - 1]);
      }
      shape = layer.outputShape.slice();
    });
    return Array.from(values);
  }

  // ---- The page ----------------------------------------------------------------------------
  var section = document.getElementById('try-the-model');
  var modelBlock = document.getElementById('folio-pad-model');
  var weightBlock = document.getElementById('folio-pad-weights');
  if (!section || !modelBlock || !weightBlock) return;
  var model = JSON.parse(modelBlock.textContent);
  var weights = decodeWeights(weightBlock.textContent);
  if (weights.length !== model.weightCount) return;
  var side = model.inputShape[0] === 784 ? 28 : model.inputShape[0];
  var garment = model.preparation === 'garment';

  /** 784 dataset pixels (0…255, MNIST: white ink on black) → the K probabilities. */
  function classify(pixels) {
    if (!pixels || pixels.length !== side * side) throw new Error('classify needs ' + side * side + ' pixel values');
    var scale = f(model.scale), input = new Float32Array(pixels.length);
    for (var i = 0; i < pixels.length; i++) input[i] = f(f(Number(pixels[i])) / scale);
    return run(model, weights, input);
  }

  var canvas = document.getElementById('folio-pad-canvas');
  var seen = document.getElementById('folio-pad-seen');
  var context = canvas.getContext('2d', { willReadFrequently: true });
  var rows = Array.prototype.slice.call(section.querySelectorAll('.pad-class'));
  var lastImage = null, pending = false, drawing = null;

  function clear() {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    lastImage = null;
    show(null);
  }
  /** The canvas as a gray image: stb_image's luminance of its opaque RGB pixels. */
  function canvasGray() {
    var data = context.getImageData(0, 0, canvas.width, canvas.height).data, gray = new Float32Array(canvas.width * canvas.height);
    for (var i = 0; i < gray.length; i++) gray[i] = (data[4 * i] * 77 + data[4 * i + 1] * 150 + data[4 * i + 2] * 29) >> 8;
    return image(canvas.width, canvas.height, gray);
  }
  function show(pixels) {
    var seenContext = seen.getContext('2d'), picture = seenContext.createImageData(side, side);
    for (var i = 0; i < side * side; i++) {
      var v = pixels ? pixels[i] : 0;
      picture.data[4 * i] = picture.data[4 * i + 1] = picture.data[4 * i + 2] = v;
      picture.data[4 * i + 3] = 255;
    }
    seenContext.putImageData(picture, 0, 0);
    var probabilities = pixels ? classify(pixels) : null, best = -1;
    if (probabilities) probabilities.forEach(function (p, i) { if (best < 0 || p > probabilities[best]) best = i; });
    rows.forEach(function (row, i) {
      var p = probabilities ? probabilities[i] : 0;
      row.querySelector('.pad-fill').style.width = (100 * p).toFixed(1) + '%';
      row.querySelector('.pad-percent').textContent = probabilities ? (100 * p).toFixed(1) + ' %' : '–';
      row.classList.toggle('pad-best', i === best);
    });
  }
  function update() {
    pending = false;
    lastImage = preparePicture(canvasGray(), side, side, garment);
    show(lastImage);
  }
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(update); }
  }
  function point(event) {
    var box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height];
  }
  function stroke(from, to) {
    context.strokeStyle = '#000000';
    context.lineWidth = canvas.width / 14;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from[0], from[1]);
    context.lineTo(to[0], to[1]);
    context.stroke();
    schedule();
  }
  canvas.addEventListener('pointerdown', function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = point(event);
    stroke(drawing, drawing);
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!drawing) return;
    var next = point(event);
    stroke(drawing, next);
    drawing = next;
  });
  ['pointerup', 'pointercancel'].forEach(function (name) {
    canvas.addEventListener(name, function () { drawing = null; });
  });
  document.getElementById('folio-pad-clear').addEventListener('click', clear);

  clear();
  section.hidden = false;
  var entry = document.querySelector('nav.toc a[href="#try-the-model"]');
  if (entry) entry.parentNode.hidden = false;
  window.folio = {
    classify: classify,
    /** The 28×28 image the model sees for the current drawing (0…255, light ink on black), or null. */
    drawnImage: function () { return lastImage ? Array.from(lastImage) : null; },
    /** A gray picture (0…255, row-major, any polarity) prepared as predict's center: auto does. */
    prepare: function (pixels, width, height) {
      var prepared = preparePicture(image(width, height, Float32Array.from(pixels)), side, side, garment);
      return prepared ? Array.from(prepared) : null;
    }
  };
})();
