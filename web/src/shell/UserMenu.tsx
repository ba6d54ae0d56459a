import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { shellMessages, useMessages } from '../i18n';
import { useSession } from '../session';

/** The person's name with 修改密码 and 退出登录. On phones only the avatar shows. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { me, signOut } = useSession();
  const t = useMessages(shellMessages);
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/account/password');
          // Once signed out, the router itself moves to sign-in (remembering this page for the way back).
          if (key === 'logout') signOut();
        },
      }}
    >
      <Button
        type="text"
        style={{ color: '#fff', paddingInline: 4 }}
        data-testid="user-menu"
        aria-label={me.person.name}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,.25)' }} />
        {!compact && (
          <>
            <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.person.name}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
