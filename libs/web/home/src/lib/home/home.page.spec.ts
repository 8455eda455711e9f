import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore, provideHomeSections } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { HomePage } from './home.page';

@Component({
  selector: 'app-stub-company',
  template: '<p data-testid="stub">company</p>',
})
class CompanyStub {}
@Component({
  selector: 'app-stub-review',
  template: '<p data-testid="stub">review</p>',
})
class ReviewStub {}
@Component({
  selector: 'app-stub-audit',
  template: '<p data-testid="stub">audit</p>',
})
class AuditStub {}
@Component({
  selector: 'app-stub-outbox',
  template: '<p data-testid="stub">outbox</p>',
})
class OutboxStub {}

function me(permissions: Permission[]): Me {
  return {
    id: 'u-1',
    email: 'x@example.cn',
    name: '陈静',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;

  async function render(permissions: Permission[]): Promise<string[]> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideHomeSections({
          company: async () => CompanyStub,
          review: async () => ReviewStub,
          audit: async () => AuditStub,
          mailOutbox: async () => OutboxStub,
        }),
      ],
    });
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    return Array.from(element.querySelectorAll('[data-testid="stub"]')).map(
      (e) => e.textContent ?? '',
    );
  }

  it('shows an enterprise user the company section only', async () => {
    expect(
      await render(['company.profile.read', 'company.members.manage']),
    ).toEqual(['company']);
    expect(fixture.nativeElement.textContent).toContain('您好，陈静');
  });

  it('shows a reviewer the pending companies', async () => {
    expect(await render(['company.region.read', 'company.verify'])).toEqual([
      'review',
    ]);
  });

  it('shows an auditor the audit log and a system admin the outbox', async () => {
    expect(await render(['audit.read'])).toEqual(['audit']);
    TestBed.resetTestingModule();
    expect(
      await render(['mail.outbox.read', 'queues.dashboard', 'users.manage']),
    ).toEqual(['outbox']);
  });

  it('shows one section per permission a user holds, in menu order', async () => {
    expect(await render(['audit.read', 'company.region.read'])).toEqual([
      'review',
      'audit',
    ]);
  });

  it('says so when the account has nothing to work on', async () => {
    expect(await render([])).toEqual([]);
    expect(
      fixture.nativeElement.querySelector('[data-testid="home-nothing"]'),
    ).not.toBeNull();
  });
});
