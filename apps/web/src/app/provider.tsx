import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from '../lib/query-client';
import { router } from './router';
import { connectCsrfToSession } from '../features/auth/api/session';

// State-changing API calls take their CSRF token from the session query.
connectCsrfToSession(queryClient);

export function AppProvider() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
