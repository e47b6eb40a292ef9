using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// The Hangfire dashboard for coordinators and administrators only: an Entra ID access token (Bearer) validated by the
/// <see cref="Skema"/> JWT scheme (issuer <c>Kinerja:Jadwal:Dasbor:Authority</c>, audience <c>…:Audience</c>), then
/// either the administrators' app role or an <c>oid</c> linked (<see cref="IPenggunaStore"/>) to an employee listed
/// who is a coordinator of their office (<see cref="IKoordinatorKantor"/>). No token or a bad one: 401; a valid token of anyone else: 403. Never
/// anonymous, and not served at all unless <c>Kinerja:Jadwal:Dasbor:Aktif</c>. Coordinators get it read-only: job actions
/// (trigger, requeue, delete) are the administrators'.
/// </summary>
public static class DasborHangfire
{
    public const string Skema = "KinerjaDasbor";

    internal static IServiceCollection AddKinerjaDasbor(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Skema, _ => { });
        services.AddOptions<JwtBearerOptions>(Skema).Configure<IOptions<PenjadwalanOptions>>((jwt, o) =>
        {
            var dasbor = o.Value.Dasbor;
            jwt.Authority = dasbor.Authority;
            jwt.Audience = dasbor.Audience;
            jwt.MapInboundClaims = false;
            // Entra ID v2 tokens name the authority itself as issuer (…/{tenant}/v2.0): pinned, not taken from metadata alone.
            jwt.TokenValidationParameters.ValidIssuer = dasbor.Authority?.TrimEnd('/');
            jwt.TokenValidationParameters.RoleClaimType = "roles";
            jwt.TokenValidationParameters.NameClaimType = "name";
        });
        return services;
    }

    /// <summary>Serves the dashboard at <c>Kinerja:Jadwal:Dasbor:Path</c> when it is on.</summary>
    public static WebApplication UseKinerjaDasbor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var o = app.Services.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
        if (o.Dasbor.Aktif)
        {
            app.UseHangfireDashboard(o.Dasbor.Path, new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new Penjaga()],
                DashboardTitle = "KinerjaBot — jadwal dan pengiriman",
                // Coordinators watch; triggering, requeueing or deleting jobs is the administrators' (the caller was set by Penjaga).
                IsReadOnlyFunc = c => !c.GetHttpContext().User.HasClaim("roles", o.Dasbor.PeranAdmin),
                DisplayStorageConnectionString = false,
            });
        }

        return app;
    }

    /// <summary>Who may see the dashboard (see <see cref="DasborHangfire"/>).</summary>
    private sealed class Penjaga : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var hasil = await http.AuthenticateAsync(Skema);
            if (!hasil.Succeeded || hasil.Principal is not { } pengguna)
            {
                return false; // not authenticated: Hangfire answers 401
            }

            // From here Hangfire answers 403 when refused: the caller is known, just not allowed.
            http.User = pengguna;
            var o = http.RequestServices.GetRequiredService<IOptions<PenjadwalanOptions>>().Value;
            if (pengguna.HasClaim("roles", o.Dasbor.PeranAdmin))
            {
                return true;
            }

            if (pengguna.FindFirstValue("oid") is not { Length: > 0 } oid
                || await http.RequestServices.GetRequiredService<IPenggunaStore>().CariAsync(oid, http.RequestAborted) is not { } terkait)
            {
                return false;
            }

            var kantor = await http.RequestServices.GetRequiredService<IKantorStore>().MuatAsync(terkait.KodeKantor, http.RequestAborted);
            return kantor is not null && http.RequestServices.GetRequiredService<IKoordinatorKantor>().Adalah(kantor, terkait.Nip);
        }
    }
}
