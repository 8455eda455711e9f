import { Component } from '@angular/core';

@Component({
  selector: 'app-web-data-access',
  imports: [],
  templateUrl: './web-data-access.html',
  styleUrl: './web-data-access.css',
})
export class WebDataAccess {}
