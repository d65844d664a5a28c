namespace OneStop.Web.Workspace;

/// <summary>Texts of the officer workspace: the Vietnamese text is the key, <c>WorkspaceText.en.resx</c> holds the English.</summary>
public sealed class WorkspaceText;
