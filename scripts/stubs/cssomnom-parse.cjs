// Stands in for cssomnom's CSS parser in the bundles: linkedom uses it only for <style> elements' .sheet, which
// article import never reads (Readability drops <style>). Saves about 190 KB of every bundle.
exports.parse = () => {
  throw new Error('CSS style sheets are not parsed in Newsmark bundles');
};
