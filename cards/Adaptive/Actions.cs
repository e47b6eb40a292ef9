using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kinerja.Cards;

/// <summary>A card action (schema 1.5). Named CardAction so it does not clash with <see cref="System.Action"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract class CardAction
{
    private protected CardAction()
    {
    }

    public string? Id { get; init; }

    public required string Title { get; init; }

    public string? Tooltip { get; init; }

    public CardAction? Fallback { get; init; }
}

/// <summary>
/// Classic submit: the client posts a <c>message</c> activity whose <c>value</c> is <see cref="Data"/> (plus inputs).
/// With <c>data.msteams = {type:"imBack", value:"…"}</c> Teams posts the text as if the user typed it.
/// </summary>
public sealed class SubmitAction : CardAction
{
    public JsonObject? Data { get; init; }

    /// <summary><c>none</c>: the click sends no inputs and skips their validation (a "Batal" button).</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>
/// Universal Action: the client sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/>. Build it with <see cref="Create"/> so it always has an Action.Submit fallback with the same data
/// (botframework-protocol.md §4.5): older clients use that, and the handler accepts both paths.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public required string Verb { get; init; }

    public JsonObject? Data { get; init; }

    /// <summary><c>none</c>: the click sends no inputs and skips their validation (a "Batal" button).</summary>
    public string? AssociatedInputs { get; init; }

    /// <summary>An Action.Execute for <paramref name="data"/> with an Action.Submit fallback carrying the same data.</summary>
    public static ExecuteAction Create(string title, ICardData data, string? tooltip = null) => new()
    {
        Title = title,
        Tooltip = tooltip,
        Verb = data.Verb,
        Data = data.ToData(),
        Fallback = new SubmitAction { Title = title, Tooltip = tooltip, Data = data.ToData() },
    };

    /// <summary>Like <see cref="Create"/>, but sends no inputs and does not validate them (both paths).</summary>
    public static ExecuteAction TanpaInput(string title, ICardData data, string? tooltip = null) => new()
    {
        Title = title,
        Tooltip = tooltip,
        Verb = data.Verb,
        Data = data.ToData(),
        AssociatedInputs = "none",
        Fallback = new SubmitAction { Title = title, Tooltip = tooltip, Data = data.ToData(), AssociatedInputs = "none" },
    };
}

public sealed class ToggleVisibilityAction : CardAction
{
    /// <summary>Ids of the elements whose visibility flips.</summary>
    public List<string> TargetElements { get; init; } = [];
}

public sealed class OpenUrlAction : CardAction
{
    public required Uri Url { get; init; }
}
