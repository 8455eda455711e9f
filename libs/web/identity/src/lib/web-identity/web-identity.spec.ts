import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebIdentity } from './web-identity';

describe('WebIdentity', () => {
  let component: WebIdentity;
  let fixture: ComponentFixture<WebIdentity>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebIdentity],
    }).compileComponents();

    fixture = TestBed.createComponent(WebIdentity);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
