using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Protocol;

namespace KinerjaBot.Handlers;

/// <summary>The employee behind a Teams user.</summary>
public sealed record IdentitasPengguna(string KodeKantor, Nip Nip);

/// <summary>Who the user is: the employee when matched, and what Teams says of them (for the "not found" card).</summary>
public sealed record HasilIdentifikasi(IdentitasPengguna? Identitas, string? Nama, string? Email);

/// <summary>
/// Who is asking: the authenticated activity's <c>from.aadObjectId</c>, never anything in card data. On first contact
/// the connector is asked for the member and its e-mail or userPrincipalName is matched (case-insensitive) to
/// <c>pegawai.email</c>; the match is remembered so later turns cost one store read.
/// </summary>
public sealed partial class PenggunaResolver(
    IPenggunaStore pengguna,
    IKantorStore kantor,
    TimeProvider time,
    ILogger<PenggunaResolver> logger)
{
    public async Task<HasilIdentifikasi> ResolveAsync(Turn turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From!;
        var aadId = from.AadObjectId;
        if (aadId is { Length: > 0 } && await pengguna.CariAsync(aadId, cancellationToken) is { } known)
        {
            // The remembered match stands only while the person is still in that office's data.
            if (await kantor.CariByEmailAsync(known.Email, cancellationToken) is { } still && still.Nip == known.Nip)
            {
                return new HasilIdentifikasi(new IdentitasPengguna(still.KodeKantor, still.Nip), from.Name, known.Email);
            }
        }

        var member = await turn.Connector.GetMemberAsync(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, from.Id!, cancellationToken);
        if (member is null)
        {
            Log.MemberUnknown(logger, from.Id!);
            return new HasilIdentifikasi(null, from.Name, null);
        }

        // The member must be the sender: the connector is asked about from.id, and its AAD id must agree.
        if (aadId is { Length: > 0 } && member.AadId is { Length: > 0 } memberAad && !string.Equals(aadId, memberAad, StringComparison.OrdinalIgnoreCase))
        {
            Log.MemberMismatch(logger, from.Id!);
            return new HasilIdentifikasi(null, from.Name, null);
        }

        foreach (var candidate in new[] { member.Email, member.UserPrincipalName })
        {
            if (string.IsNullOrWhiteSpace(candidate) || await kantor.CariByEmailAsync(candidate, cancellationToken) is not { } match)
            {
                continue;
            }

            var id = aadId ?? member.AadId;
            if (id is { Length: > 0 })
            {
                await pengguna.SimpanAsync(new PenggunaTerkait(id, match.KodeKantor, match.Nip, candidate, time.GetUtcNow()), cancellationToken);
            }

            Log.Matched(logger, from.Id!, match.KodeKantor);
            return new HasilIdentifikasi(new IdentitasPengguna(match.KodeKantor, match.Nip), member.Name ?? from.Name, candidate);
        }

        Log.NotInAnyOffice(logger, from.Id!);
        return new HasilIdentifikasi(null, member.Name ?? from.Name, member.Email ?? member.UserPrincipalName);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "User {UserId} matched to an employee of {Kantor}")]
        public static partial void Matched(ILogger logger, string userId, string kantor);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "User {UserId} is not in any office's data")]
        public static partial void NotInAnyOffice(ILogger logger, string userId);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The connector does not know user {UserId}")]
        public static partial void MemberUnknown(ILogger logger, string userId);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The connector's member for {UserId} has another AAD object id than the activity")]
        public static partial void MemberMismatch(ILogger logger, string userId);
    }
}
