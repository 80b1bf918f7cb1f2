import { startOrderPage } from '../order/app';

void startOrderPage('row');
