/** The /manage page's entry: the app and the sections' registrations. */
import './main.ts';
