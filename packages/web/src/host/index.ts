/** The host's page: /host/<token>. */
import './host-page.ts';
