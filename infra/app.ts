// `npx cdk synth|deploy` runs this file (cdk.json); context options are described in README "Deploy".
import { App } from 'aws-cdk-lib';
import { generateAssets } from '../web/build';
import { defineWopiHostApp } from './wopi-host-stack';

// The web page's bundle and the templates are modules the function bundles import: written before they are bundled.
await generateAssets();

const app = new App();
defineWopiHostApp(app);
app.synth();
