import '@mantine/core/styles.css';
import './staff.css';
import { MantineProvider } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { theme } from './theme';
import { RequireSession } from './RequireSession';
import { StaffLayout } from './StaffLayout';
import { AuthLayout } from './auth/AuthLayout';
import { SignInPage } from './auth/SignInPage';
import { TotpSetupPage } from './auth/TotpSetupPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { HomePage } from './home/HomePage';
import { ContestOverviewPage } from './contest/ContestOverviewPage';
import { ConfigPage } from './config/ConfigPage';
import { OrgUnitPage } from './org-units/OrgUnitPage';
import { EntryPage } from './entries/EntryPage';
import { MyEntriesPage } from './entries/MyEntriesPage';
import { NewEntryPage } from './entries/NewEntryPage';
import { FeedPage } from './feed/FeedPage';
import { ProgressPage } from './progress/ProgressPage';
import { ReceiptInboxPage } from './receipt/ReceiptInboxPage';
import { NotFound } from './NotFound';
import { JudgeQueuePage } from './judging/JudgeQueuePage';
import { JuryAdminPage } from './judging/JuryAdminPage';
import { FanpagePage } from './voting/FanpagePage';
import { FraudPage } from './voting/FraudPage';
import { PublishPage } from './voting/PublishPage';

/** The staff workspace: loaded lazily, so Mantine never weighs on the public pages. */
export function StaffApp() {
  return (
    <MantineProvider theme={theme}>
      <Routes>
        <Route element={<AuthLayout />}>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route
            path="/totp-setup"
            element={
              <RequireSession allowEnrolment>
                <TotpSetupPage />
              </RequireSession>
            }
          />
        </Route>
        <Route
          path="/app"
          element={
            <RequireSession>
              <StaffLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="contests/:slug" element={<ContestOverviewPage />} />
          <Route path="contests/:slug/config" element={<ConfigPage />} />
          <Route path="contests/:slug/my-entries" element={<MyEntriesPage />} />
          <Route path="contests/:slug/entries/new" element={<NewEntryPage />} />
          <Route path="contests/:slug/inbox" element={<ReceiptInboxPage />} />
          <Route path="contests/:slug/progress" element={<ProgressPage />} />
          <Route path="contests/:slug/judging" element={<JudgeQueuePage />} />
          <Route path="contests/:slug/jury" element={<JuryAdminPage />} />
          <Route path="contests/:slug/publish" element={<PublishPage />} />
          <Route path="contests/:slug/fanpage" element={<FanpagePage />} />
          <Route path="contests/:slug/votes" element={<FraudPage />} />
          <Route path="entries/:id" element={<EntryPage />} />
          <Route path="feed" element={<FeedPage />} />
          <Route path="org-units/:id" element={<OrgUnitPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route element={<AuthLayout />}>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </MantineProvider>
  );
}
