import { render } from 'preact';
render(<h1>Parallax</h1>, document.getElementById('app')!);
