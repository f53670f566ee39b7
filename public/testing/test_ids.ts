import { configure } from '@testing-library/react';

// OUI and OSD tag elements with `data-test-subj`; the `*ByTestId` queries read that attribute.
configure({ testIdAttribute: 'data-test-subj' });
