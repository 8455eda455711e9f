import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebHome } from './web-home';

describe('WebHome', () => {
  let component: WebHome;
  let fixture: ComponentFixture<WebHome>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebHome],
    }).compileComponents();

    fixture = TestBed.createComponent(WebHome);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
