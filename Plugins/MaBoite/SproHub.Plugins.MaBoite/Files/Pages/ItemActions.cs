namespace SproHub.Plugins.MaBoite.Files.Pages;

/// <summary>What the actions of one file or folder need: renaming, moving among <see cref="Targets"/>, the trash.</summary>
public sealed record ItemActions(ItemKind Kind, Guid Id, string Name, int Version, IReadOnlyList<FolderChoice> Targets, Guid? Dossier);
