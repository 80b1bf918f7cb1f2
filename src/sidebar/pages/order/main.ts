import { startOrderPage } from './app';

void startOrderPage('approval');
