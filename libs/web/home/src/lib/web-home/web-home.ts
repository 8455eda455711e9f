import { Component } from '@angular/core';

@Component({
  selector: 'app-web-home',
  imports: [],
  templateUrl: './web-home.html',
  styleUrl: './web-home.css',
})
export class WebHome {}
