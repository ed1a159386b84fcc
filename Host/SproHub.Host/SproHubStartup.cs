using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using SproHub.Host.Admin;
using SproHub.Host.Modularity;
using SproHub.Host.Notifications;
using SproHub.Host.Platform;
using SproHub.Host.Platform.Audit;
using SproHub.Host.Platform.Caching;
using SproHub.Host.Platform.Data;
using SproHub.Host.Platform.Errors;
using SproHub.Host.Platform.Mediator;
using SproHub.Host.Platform.Outbox;
using SproHub.Host.Platform.Security;
using SproHub.Host.Platform.Startup;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host;

public static class SproHubStartup
{
    public static void AddSproHub(this WebApplicationBuilder builder, StartupTimeline? startup = null)
    {
        startup ??= new StartupTimeline();
        var services = builder.Services;
        services.AddSingleton(startup);
        services.AddSingleton<FirstRequestWarmUp>();
        var configuration = builder.Configuration;
        using var bootLogs = LoggerFactory.Create(l => l.AddConsole().AddConfiguration(configuration.GetSection("Logging")));
        var logger = bootLogs.CreateLogger("SproHub.Modules");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var registry = ModuleCatalog.Discover(CoreModules.All(), PluginsFolder.Resolve(configuration), logger);
        var discovered = watch.Elapsed.TotalMilliseconds;
        startup.Phase("découverte des modules");
        foreach (var plugin in registry.All.Where(m => !m.IsCore)) startup.Record($"dont plugin {plugin.Id}", plugin.LoadTime.TotalMilliseconds);
        services.AddSingleton(registry);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ModuleErrors>();
        services.AddSingleton<ILoggerProvider, ModuleErrorLoggerProvider>();

        var mvc = services.AddRazorPages(options =>
        {
            // Pages live in their feature folders (Shows/Pages/...), each with an explicit route.
            options.RootDirectory = "/";
            options.Conventions.Add(new ModulePageConvention(registry));
        });
        mvc.AddMvcOptions(FrenchModelBinding.Apply);
        // The pages validate on the server only (no validation script): without client validation the validation summary
        // is left out while the form is valid, rather than drawn with an inline style the Content-Security-Policy refuses.
        mvc.AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        mvc.ConfigureApplicationPartManager(parts =>
        {
            // MVC's own provider of compiled views is internal: the one providing ViewsFeature is it.
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.ApplicationParts.IApplicationFeatureProvider<Microsoft.AspNetCore.Mvc.Razor.Compilation.ViewsFeature>>().Single());
            parts.FeatureProviders.Add(new PluginViewsFeatureProvider(registry));
        });
        services.AddModuleDbContext<PlatformDbContext>(new ModuleContext(configuration, PlatformDbContext.Id));
        services.RegisterModules(registry, configuration, mvc, logger);
        startup.Phase("enregistrement des modules");
        foreach (var module in registry.Active) startup.Record($"dont {module.Id}", module.RegistrationTime.TotalMilliseconds);
        logger.LogInformation("Modules trouvés en {Discovery} ms, enregistrés en {Registration} ms", Math.Round(discovered), Math.Round(watch.Elapsed.TotalMilliseconds - discovered));
        ModuleComposition.AddHandlersAndValidators(services, typeof(SproHubStartup).Assembly);

        services.AddHttpContextAccessor();
        services.AddScoped<TerritoryContext>();
        services.AddScoped<ITerritoryContext>(p => p.GetRequiredService<TerritoryContext>());
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<IModuleGate>(p => p.GetRequiredService<ModuleGate>());
        services.AddSingleton<SproHub.Shared.Modularity.IModuleCatalog, ActiveModuleCatalog>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSproNotifications(configuration);
        services.AddSingleton<SproHub.Shared.Files.IFileStore, SproHub.Host.Platform.Files.LocalDiskFileStore>();
        services.AddScoped<Navigation>();
        services.AddScoped<IModuleNavigation>(p => p.GetRequiredService<Navigation>());
        services.AddSproMediator();
        services.AddSingleton<MigrationLedger>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService(p => p.GetRequiredService<DatabaseReadiness>());
        services.AddSingleton<SproHub.Shared.Jobs.IPlatformReadiness>(p => p.GetRequiredService<DatabaseReadiness>());
        services.AddOutputCache();
        services.AddSharedOutputCache();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<SproHub.Shared.Events.IEventReplay, OutboxReplay>();
        if (configuration.GetValue("Outbox:Background", true)) services.AddHostedService<OutboxBackgroundService>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Status-code-only answers (no route, no login...) speak French too.
            context.ProblemDetails.Title = context.ProblemDetails.Status switch
            {
                401 => "Non authentifié",
                403 => "Accès refusé",
                404 => "Introuvable",
                405 => "Méthode non permise",
                415 => "Type de contenu non pris en charge",
                429 => "Trop de requêtes",
                _ => context.ProblemDetails.Title,
            };
            if (context.ProblemDetails.Status == 429)
                context.ProblemDetails.Detail ??= "Trop de tentatives depuis cette adresse : réessayez après le délai indiqué par Retry-After.";
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            RequiredMembers.Apply(o.SerializerOptions);
        });
        FrenchValidationMessages.Apply();

        services.AddDataProtection().SetApplicationName("SproHub")
            .AddKeyManagementOptions(o => o.XmlRepository = new DataProtectionKeyTable(configuration));
        services.AddSproAuthentication(builder.Environment);
        services.AddSproReverseProxy(configuration);
        services.AddSingleton<PublicOrigin>();
        // French pages: accented letters written as they are, not as &#xE9; (the encoder still escapes what is markup).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi(o =>
        {
            Platform.OpenApi.SchemaIds.Apply(o);
            o.AddSchemaTransformer(RequiredMembers.DescribeInOpenApi);
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<Modularity.ModulesHealthCheck>("modules", tags: ["ready"]);

        // Data-protection keys live in the database, prepared while the server starts: the key ring loads on first
        // use (a request, which waits for the database) rather than at start-up, before its table exists.
        // Last of all, since authentication and antiforgery register the preloading service again.
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
            services.Remove(preload);
        startup.Phase("autres services");
    }

    public static void UseSproHub(this WebApplication app)
    {
        var startup = app.Services.GetRequiredService<StartupTimeline>();
        app.Lifetime.ApplicationStarted.Register(() => startup.Phase("démarrage du serveur"));
        app.UseMiddleware<StartupTimelineMiddleware>();
        // Behind the timeline: the warm-up request sent while the database is prepared is never taken for the first answer.
        app.Services.GetRequiredService<FirstRequestWarmUp>().Capture(app);
        // First: every later step sees the scheme and address the browser used, not the reverse proxy's.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (app.Environment.IsProduction())
        {
            // Plain http is sent to https (HSTS then keeps the browser there: SecurityHeaders), except the health checks
            // a load balancer sends to the host itself: a redirect would read as healthy, and 503 must be seen.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        var french = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(french), SupportedCultures = [french], SupportedUICultures = [french] });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur",
            StatusCodeSelector = ex => ProblemDetailsExceptionHandler.ToProblem(ex).Status ?? 500,
            SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.IsRefusal(context.Exception),
        });
        app.UseMiddleware<ReadinessMiddleware>();
        app.UseWhen(ProblemDetailsExceptionHandler.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !ProblemDetailsExceptionHandler.IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseStaticFiles();
        app.UseModuleAssets(app.Services.GetRequiredService<ModuleRegistry>());
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<BearerRevocation>();
        app.UseRateLimiter();
        // Before the gate and the endpoints: a cross-site write is refused before anything reads its body.
        app.UseMiddleware<SameOriginWrites>();
        app.UseMiddleware<TerritoryGateMiddleware>();
        app.UseAuthorization();
        // After the gate: a cached page is never served where its plugin is disabled.
        app.UseOutputCache();

        app.MapOpenApi();
        // Served from the package alone: no font from Scalar's servers, no telemetry, no AI agent, MCP or developer tools
        // (its SDK and deployment services) calling out. A fresh nonce per answer lets its inline start-up script run
        // under the Content-Security-Policy (SecurityHeaders).
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o.WithTitle("SPRO Hub — API")
            .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools().WithNonce());
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapRazorPages();
        app.MapPlatformEndpoints();
        app.MapMyNotifications();
        app.MapModuleEndpoints();
        app.BuildEndpointsOnce();
        ModuleStartupReport.Log(app.Services.GetRequiredService<ModuleRegistry>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ModuleStartupReport.Category));
    }

    private static void MapModuleEndpoints(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        foreach (var module in registry.Active.ToList())
        {
            var owner = new ModuleEndpointMetadata(module.Id);
            var api = app.MapGroup($"/api/{module.Id}").WithTags(module.DisplayName).WithMetadata(owner);
            var territoryApi = app.MapGroup($"/api/territories/{{territory}}/{module.Id}").WithTags(module.DisplayName).WithMetadata(owner);
            var root = app.MapGroup("").WithMetadata(owner);
            try
            {
                module.Module!.MapEndpoints(new ModuleEndpoints(api, territoryApi, root));
            }
            catch (Exception ex)
            {
                module.Fail($"Erreur à la déclaration des routes : {PluginFailure.Describe(ex)}");
                app.Logger.LogError(ex, "Module {Id} : routes non déclarées", module.Id);
            }
        }
    }
}
