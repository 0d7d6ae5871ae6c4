// Entry point: mounts the explorer into #app with the corpus bundled at build time.
import { mount } from 'svelte';
import corpus from 'virtual:isnad/corpus';
import layout from 'virtual:isnad/layout';
import App from './app/App.svelte';
import './app/fonts';
import './app/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('Isnad: the page has no #app element');
mount(App, { target, props: { corpus, layout } });
