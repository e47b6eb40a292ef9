using Kinerja.Domain.Ports;
using System.Net;

namespace KinerjaBot.Protocol.Connector;

/// <summary>What went wrong with a connector call, in the terms a caller decides on (retry later, give up, ask a person).</summary>
public enum ConnectorErrorKind
{
    /// <summary>Any other answer (a redirect, 405, 409 …): not retried.</summary>
    Other = 0,

    /// <summary>400 (<c>BadArgument</c>): the request itself is wrong; sending it again does not help.</summary>
    BadRequest,

    /// <summary>401 even after one forced token refresh (<c>BotNotRegistered</c>, wrong credentials or tenant).</summary>
    Unauthorized,

    /// <summary>403: the connector refuses to deliver; <see cref="ConnectorException.Alasan"/> says why.</summary>
    Forbidden,

    /// <summary>404 (<c>ConversationNotFound</c>, <c>ActivityNotFoundInConversation</c>).</summary>
    NotFound,

    /// <summary>413 (<c>MessageSizeTooBig</c>): make the message smaller.</summary>
    TooLarge,

    /// <summary>429 still after the retries, or a <c>Retry-After</c> longer than the client is willing to wait.</summary>
    Throttled,

    /// <summary>412, 5xx or a network failure still after the retries, for a call that was safe to repeat or was never sent.</summary>
    Transient,

    /// <summary>
    /// "Mungkin terkirim": a POST that creates a message failed in a way that does not tell whether Teams delivered it
    /// (timeout, connection lost after sending, 500/502/503/504). It was NOT replayed; the caller decides.
    /// </summary>
    Ambiguous,

    /// <summary>The service URL is not allowed (not https on the allow-list, or not loopback in development): no call was made.</summary>
    Refused,

    /// <summary>No token for the connector could be obtained (Entra ID refused the credentials or could not be reached).</summary>
    TokenUnavailable,

    /// <summary>A success status whose body is not the JSON the operation expects.</summary>
    InvalidResponse,
}

/// <summary>
/// A connector call failed. <see cref="Kind"/> is what the caller decides on; <see cref="Code"/> is the connector's
/// own error code when it sent one. <see cref="Kind"/> <see cref="ConnectorErrorKind.Ambiguous"/> means the message
/// may have been delivered and was deliberately not sent again.
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>
    /// The original shape (message, status, code). Without a status the call was refused before it was made.
    /// </summary>
    public ConnectorException(string message, HttpStatusCode? status = null, string? code = null, Exception? inner = null)
        : this(status is { } s ? KindOf(s) : ConnectorErrorKind.Refused, message, status, code, inner)
    {
    }

    public ConnectorException(ConnectorErrorKind kind, string message, HttpStatusCode? status = null, string? code = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Status = status;
        Code = code;
    }

    public ConnectorErrorKind Kind { get; }

    public HttpStatusCode? Status { get; }

    public string? Code { get; }

    /// <summary>For <see cref="ConnectorErrorKind.Forbidden"/>: why Teams will not deliver.</summary>
    public AlasanTidakTerjangkau? Alasan { get; init; }

    /// <summary>For <see cref="ConnectorErrorKind.Throttled"/>: how long the connector asked to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the message may have reached the user although the call failed.</summary>
    public bool MungkinTerkirim => Kind == ConnectorErrorKind.Ambiguous;

    /// <summary>The kind a final (not retried) HTTP status stands for.</summary>
    public static ConnectorErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 => ConnectorErrorKind.BadRequest,
        401 => ConnectorErrorKind.Unauthorized,
        403 => ConnectorErrorKind.Forbidden,
        404 => ConnectorErrorKind.NotFound,
        413 => ConnectorErrorKind.TooLarge,
        429 => ConnectorErrorKind.Throttled,
        412 or 500 or 502 or 503 or 504 => ConnectorErrorKind.Transient,
        _ => ConnectorErrorKind.Other,
    };
}
