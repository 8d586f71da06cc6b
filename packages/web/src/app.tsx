import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { I18nProvider } from './i18n/i18n.js';
import { SessionProvider } from './session/session.js';
import { Layout } from './layout/layout.js';
import { SubmitPage } from './submit/submit-page.js';
import { AnswerPage } from './answer/answer-page.js';
import { SignInPage } from './session/sign-in-page.js';
import { NotFound } from './layout/not-found.js';

// Pages behind a token load on demand, so the first page (report a crash) stays small; the
// chart library comes with the pages that draw charts.
const TopCrashersPage = lazy(() => import('./crashers/top-crashers-page.js').then((m) => m.TopCrashersPage));
const BucketPage = lazy(() => import('./bucket/bucket-page.js').then((m) => m.BucketPage));
const SymbolsPage = lazy(() => import('./symbols/symbols-page.js').then((m) => m.SymbolsPage));
const VendorPage = lazy(() => import('./vendor/vendor-page.js').then((m) => m.VendorPage));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider>
          <Layout>
            <ErrorBoundary>
              <Router>
                <Route path="/" component={SubmitPage} />
                <Route path="/r/:id" component={AnswerPage} />
                <Route path="/crashers" component={TopCrashersPage} />
                <Route path="/buckets/:id" component={BucketPage} />
                <Route path="/symbols" component={SymbolsPage} />
                <Route path="/vendor" component={VendorPage} />
                <Route path="/sign-in" component={SignInPage} />
                <Route default component={NotFound} />
              </Router>
            </ErrorBoundary>
          </Layout>
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
