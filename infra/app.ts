// `npx cdk synth|deploy` runs this file (cdk.json); context options are described in README "Deploy".
import { App } from 'aws-cdk-lib';
import { defineWopiHostApp } from './wopi-host-stack';

const app = new App();
defineWopiHostApp(app);
app.synth();
