import React from 'react';
import { act } from '@testing-library/react';
import { renderRoot, ReactDomApi } from './render_root';

describe('renderRoot', () => {
  it('uses createRoot when react-dom has it (React 18, OSD ≥ 3.6)', () => {
    const element = document.createElement('div');
    let unmount!: () => void;
    act(() => {
      unmount = renderRoot(<p>hello 18</p>, element);
    });
    expect(element.textContent).toBe('hello 18');
    act(() => unmount());
    expect(element.innerHTML).toBe('');
  });

  it('falls back to ReactDOM.render without createRoot (React 16, OSD ≤ 3.5)', () => {
    const element = document.createElement('div');
    const legacy: ReactDomApi = {
      render: jest.fn((_node, el: HTMLElement) => {
        el.textContent = 'hello 16';
      }),
      unmountComponentAtNode: jest.fn((el: HTMLElement) => {
        el.textContent = '';
        return true;
      }),
    };
    const unmount = renderRoot(<p>hello 16</p>, element, legacy);
    expect(legacy.render).toHaveBeenCalledWith(<p>hello 16</p>, element);
    expect(element.textContent).toBe('hello 16');
    unmount();
    expect(legacy.unmountComponentAtNode).toHaveBeenCalledWith(element);
    expect(element.textContent).toBe('');
  });
});
