/**
 * PostGraphile 5 declares node >=22; this project runs Node 20. The one newer API its packages
 * (grafast, @dataplan/pg, grafserv) call is Promise.withResolvers (Node 22). Without it, every
 * request that reaches PostgreSQL fails inside @dataplan/pg's executor before sending SQL, and
 * GraphQL answers "Cannot read properties of undefined (reading 'items')". This defines it as
 * the spec does; on Node 22 and later it does nothing. Imported first by postgraphile.ts.
 */
interface WithResolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

// The lib this project compiles against (ES2023) does not declare it either.
const promise = Promise as PromiseConstructor & { withResolvers?: unknown };

if (typeof promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    // `this`, not Promise, as in the spec, so a Promise subclass gets instances of itself.
    value: function withResolvers<T>(this: PromiseConstructor): WithResolvers<T> {
      let resolve: WithResolvers<T>['resolve'] = () => undefined;
      let reject: WithResolvers<T>['reject'] = () => undefined;
      // The executor runs synchronously, so both are set before this returns.
      const created = new this<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
      });
      return { promise: created, resolve, reject };
    },
    writable: true,
    configurable: true,
  });
}
