import { useMemo, useState } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './client.ts';
import { GroupList } from './GroupList.tsx';
import { GroupPage } from './GroupPage.tsx';
import { useRoute } from './routes.ts';
import { storedToken, storeToken } from './session.ts';
import { SignIn } from './SignIn.tsx';
import { UserPage } from './UserPage.tsx';

export function App() {
  const [token, setToken] = useState(storedToken);
  const client = useMemo(() => createApiClient(token), [token]);
  const route = useRoute();
  return (
    <Provider value={client}>
      <header>
        <a href="#/" className="home">
          Memberships
        </a>
        <SignIn
          token={token}
          onToken={(next) => {
            storeToken(next);
            setToken(next);
          }}
        />
      </header>
      <main>
        {route.page === 'group' ? (
          <GroupPage key={route.id} groupId={route.id} />
        ) : route.page === 'user' ? (
          <UserPage key={route.id} userId={route.id} />
        ) : (
          <GroupList />
        )}
      </main>
    </Provider>
  );
}
