import { render } from 'preact'
import { createApi } from './api.ts'
import { App } from './components/App.tsx'
import { createAlertActionsModel } from './models/alertActionsModel.ts'
import { createAlertsModel } from './models/alertsModel.ts'
import { createClock } from './models/clockModel.ts'
import { createDeliveriesModel } from './models/deliveriesModel.ts'
import { createFiltersModel } from './models/filtersModel.ts'
import { createFrictionModel } from './models/frictionModel.ts'
import { createHeatmapModel } from './models/heatmapModel.ts'
import { createNotifierModel } from './models/notifierModel.ts'
import { createOffersModel } from './models/offersModel.ts'
import { createReplayModel } from './models/replayModel.ts'
import { createSessionModel } from './models/sessionModel.ts'
import { createSessionPagesModel } from './models/sessionPagesModel.ts'
import { createIssuesModel } from './models/issuesModel.ts'
import { createSessionListModel } from './models/sessionListModel.ts'
import { createSettingsModel } from './models/settingsModel.ts'
import { createLearningModel } from './models/learningModel.ts'
import { createSegmentFamiliesModel } from './models/segmentFamiliesModel.ts'
import './styles.css'

const api = createApi()
const notifier = createNotifierModel()
const offers = createOffersModel()
const sessionPages = createSessionPagesModel(api)
const alerts = createAlertsModel({
  api,
  onArrive: (alert) => {
    notifier.announce(alert)
    // A known session struggling again has new pages to show.
    sessionPages.refresh(alert.site, alert.session)
  },
  // Announced the ways the agent turned on, like alerts: the agent's choice holds.
  onHelp: (alert) => notifier.announce(alert),
  onOffer: offers.receive,
  onOfferAnswer: offers.answer,
})
const issues = createIssuesModel(undefined, location.search)
const models = {
  filters: createFiltersModel(api, location.search),
  alerts,
  actions: createAlertActionsModel(alerts.applyUpdate),
  offers,
  sessionPages,
  deliveries: createDeliveriesModel(api),
  notifier,
  // One segment for Issues and Friction: the top issues and the tables under them count the same visitors.
  friction: createFrictionModel(api, issues.segment),
  heatmap: createHeatmapModel(api, location.search),
  session: createSessionModel(api),
  replay: createReplayModel(api),
  clock: createClock(),
  issues,
  sessionList: createSessionListModel(),
  settings: createSettingsModel(),
  learning: createLearningModel(),
  segments: createSegmentFamiliesModel(api),
}

// index.html has the #app element.
render(<App models={models} />, document.getElementById('app')!)
