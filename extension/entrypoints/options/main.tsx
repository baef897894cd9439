import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsForm } from '../../components/OptionsForm.js';
import { getHostConfig, resetHostConfig, setHostConfig } from '../../options-api.js';
import { loadOptions, saveOptions } from '../../options-item.js';
import '../../components/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsForm loadHost={getHostConfig} saveHost={setHostConfig} resetHost={resetHostConfig} loadLocal={loadOptions} saveLocal={saveOptions} />
  </StrictMode>,
);
