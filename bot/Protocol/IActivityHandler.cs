using System.Text.Json;

namespace KinerjaBot.Protocol;

/// <summary>An <c>Action.Execute</c> as received in an <c>adaptiveCard/action</c> invoke (§4.3).</summary>
public sealed record AdaptiveCardInvoke(string Verb, JsonElement Data, string? Trigger);

/// <summary>What the bot does with each kind of activity; the protocol edge calls it after validation.</summary>
public interface IActivityHandler
{
    Task OnMessageAsync(Turn turn, CancellationToken cancellationToken);

    Task<InvokeResponse> OnCardActionAsync(Turn turn, AdaptiveCardInvoke action, CancellationToken cancellationToken);

    Task OnInstalledAsync(Turn turn, CancellationToken cancellationToken);

    /// <summary>The one place a failed turn is answered: an apology in Bahasa Indonesia, never a stack trace.</summary>
    Task OnTurnErrorAsync(Turn turn, Exception exception, CancellationToken cancellationToken);
}
