"use strict";
/*
 * Stand-in for the `side-channel` package (what qs.stringify uses to detect cycles): the same
 * get/set/has/delete/assert over a Map, without object-inspect and get-intrinsic, which the
 * original brings only for its error messages. Aliased in vite.config.ts.
 */
module.exports = function getSideChannel() {
  var map = new Map();
  return {
    assert: function (key) {
      if (!map.has(key)) throw new TypeError("Side channel does not contain the given key");
    },
    get: function (key) { return map.get(key); },
    has: function (key) { return map.has(key); },
    set: function (key, value) { map.set(key, value); },
    delete: function (key) { return map.delete(key); },
  };
};
