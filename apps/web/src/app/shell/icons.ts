import {
  AccountBookOutline,
  AimOutline,
  BankOutline,
  BellOutline,
  CalendarOutline,
  DashboardOutline,
  FileSearchOutline,
  FileTextOutline,
  HomeOutline,
  InboxOutline,
  LogoutOutline,
  MailOutline,
  NotificationOutline,
  SafetyCertificateOutline,
  SafetyOutline,
  ScheduleOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/**
 * The icons the menus name, registered statically so none is fetched at run time (ng-zorro
 * registers the ones its own components use: arrows, close, check, loading, ...). Provided by
 * the deferred menus themselves, so the icon registry stays out of the first load.
 */
export const SHELL_ICONS = [
  AccountBookOutline,
  AimOutline,
  BankOutline,
  BellOutline,
  CalendarOutline,
  DashboardOutline,
  FileSearchOutline,
  FileTextOutline,
  HomeOutline,
  InboxOutline,
  LogoutOutline,
  MailOutline,
  NotificationOutline,
  SafetyCertificateOutline,
  SafetyOutline,
  ScheduleOutline,
  UserOutline,
];
