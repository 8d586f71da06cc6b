import { render } from 'preact';
import { App } from './app.js';
import './styles.css';

// `/r/<id>` arrives with the answer rendered by the server (readable without JavaScript); the
// app's own answer page takes over from here.
document.getElementById('server-answer')?.remove();
render(<App />, document.getElementById('app')!);
