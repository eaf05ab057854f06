import { render } from 'preact'
import { createApi } from './api.ts'
import { App } from './components/App.tsx'
import { createAlertsModel } from './models/alertsModel.ts'
import { createClock } from './models/clockModel.ts'
import { createFiltersModel } from './models/filtersModel.ts'
import { createFrictionModel } from './models/frictionModel.ts'
import { createSessionModel } from './models/sessionModel.ts'
import './styles.css'

const api = createApi()
const models = {
  filters: createFiltersModel(api, location.search),
  alerts: createAlertsModel({ api }),
  friction: createFrictionModel(api),
  session: createSessionModel(api),
  clock: createClock(),
}

render(<App models={models} />, document.getElementById('app')!)
