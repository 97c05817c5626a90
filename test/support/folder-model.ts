// The reference model of one user's folder tree, written from issue 13 ("names are unique per folder", a folder
// deleted only when empty, a folder never moved into itself, a root neither renamed, moved nor deleted) and not from
// lambda/. Pure: the model-based test runs each command through it and through the host's domain, and compares.

export interface ModelFolder {
  readonly name: string;
  /** Absent for the root. */
  readonly parent?: string;
}

export interface ModelFile {
  readonly name: string;
  readonly folder: string;
}

export interface TreeModel {
  readonly root: string;
  readonly folders: ReadonlyMap<string, ModelFolder>;
  readonly files: ReadonlyMap<string, ModelFile>;
}

/** Why the host must refuse a command; 'ok' when it must do it (a command that changes nothing included). */
export type TreeOutcome = 'ok' | 'taken' | 'root' | 'into-itself' | 'not-empty';

export type TreeCommand =
  | { readonly kind: 'createFolder'; readonly parent: string; readonly name: string }
  | { readonly kind: 'createFile'; readonly folder: string; readonly name: string }
  | { readonly kind: 'renameFolder'; readonly folder: string; readonly name: string }
  /** WOPI's RenameFile: `base` is the new name without its extension; the file keeps its extension. */
  | { readonly kind: 'renameFile'; readonly file: string; readonly base: string }
  | { readonly kind: 'moveFolder'; readonly folder: string; readonly parent: string }
  | { readonly kind: 'moveFile'; readonly file: string; readonly folder: string }
  | { readonly kind: 'deleteFolder'; readonly folder: string };

export function newTreeModel(root: string): TreeModel {
  return { root, folders: new Map([[root, { name: 'My documents' }]]), files: new Map() };
}

/** What is in the folder: names, a folder's with "/" after it, in code-point order. */
export function listingOf(model: TreeModel, folderId: string): string[] {
  const folders = [...model.folders.values()].filter((f) => f.parent === folderId).map((f) => `${f.name}/`);
  const files = [...model.files.values()].filter((f) => f.folder === folderId).map((f) => f.name);
  return [...folders, ...files].sort();
}

/** Case does not make two names different: "Plans" and "plans" cannot live side by side. */
function taken(model: TreeModel, folderId: string, name: string, except?: string): boolean {
  const same = (candidate: string) => candidate.toLowerCase() === name.toLowerCase();
  return (
    [...model.folders].some(([id, f]) => id !== except && f.parent === folderId && same(f.name)) ||
    [...model.files].some(([id, f]) => id !== except && f.folder === folderId && same(f.name))
  );
}

function within(model: TreeModel, folderId: string, ancestor: string): boolean {
  for (let at: string | undefined = folderId; at !== undefined; at = model.folders.get(at)?.parent) {
    if (at === ancestor) return true;
  }
  return false;
}

const extension = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.')) : '');

/** The outcome the host must give, and the model after it; `newId` is the id the host gave a created item. */
export function stepTree(
  model: TreeModel,
  command: TreeCommand,
  newId: string,
): { outcome: TreeOutcome; next: TreeModel } {
  const folders = new Map(model.folders);
  const files = new Map(model.files);
  const done = (): { outcome: TreeOutcome; next: TreeModel } => ({ outcome: 'ok', next: { ...model, folders, files } });
  const refused = (outcome: TreeOutcome) => ({ outcome, next: model });
  switch (command.kind) {
    case 'createFolder':
      if (taken(model, command.parent, command.name)) return refused('taken');
      folders.set(newId, { name: command.name, parent: command.parent });
      return done();
    case 'createFile':
      if (taken(model, command.folder, command.name)) return refused('taken');
      files.set(newId, { name: command.name, folder: command.folder });
      return done();
    case 'renameFolder': {
      const folder = model.folders.get(command.folder);
      if (folder?.parent === undefined) return refused('root');
      if (taken(model, folder.parent, command.name, command.folder)) return refused('taken');
      folders.set(command.folder, { ...folder, name: command.name });
      return done();
    }
    case 'renameFile': {
      const file = model.files.get(command.file);
      if (file === undefined) throw new Error(`No file ${command.file} in the model`);
      const name = `${command.base}${extension(file.name)}`;
      if (taken(model, file.folder, name, command.file)) return refused('taken');
      files.set(command.file, { ...file, name });
      return done();
    }
    case 'moveFolder': {
      const folder = model.folders.get(command.folder);
      if (folder?.parent === undefined) return refused('root');
      if (within(model, command.parent, command.folder)) return refused('into-itself');
      if (folder.parent === command.parent) return done();
      if (taken(model, command.parent, folder.name)) return refused('taken');
      folders.set(command.folder, { ...folder, parent: command.parent });
      return done();
    }
    case 'moveFile': {
      const file = model.files.get(command.file);
      if (file === undefined) throw new Error(`No file ${command.file} in the model`);
      if (file.folder === command.folder) return done();
      if (taken(model, command.folder, file.name)) return refused('taken');
      files.set(command.file, { ...file, folder: command.folder });
      return done();
    }
    case 'deleteFolder': {
      const folder = model.folders.get(command.folder);
      if (folder?.parent === undefined) return refused('root');
      if (listingOf(model, command.folder).length > 0) return refused('not-empty');
      folders.delete(command.folder);
      return done();
    }
  }
}
